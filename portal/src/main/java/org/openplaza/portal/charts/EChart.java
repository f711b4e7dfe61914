package org.openplaza.portal.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * An ECharts chart drawn in the browser from an option built on the server (with echarts-java).
 * ECharts comes from its webjar and the element from {@code frontend/components/opz-chart.js}, both
 * served as static scripts. The chart is an image to assistive technology, named by its label;
 * the numbers themselves are offered as a table beside it where a chart matters.
 */
@Tag("opz-chart")
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
@JavaScript("context://js/opz-chart.js")
public class EChart extends Component implements HasSize {

    public EChart(String label, String optionJson) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        getElement().getStyle().set("display", "block");
        setHeight("160px");
        setWidthFull();
        setOption(optionJson);
    }

    public void setOption(String optionJson) {
        getElement().setAttribute("option", optionJson);
    }
}

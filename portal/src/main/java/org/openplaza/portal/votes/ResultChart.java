package org.openplaza.portal.votes;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Grouped;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;

/** A chart of a count under its title, with its numbers as a table that unfolds below it. */
class ResultChart extends VerticalLayout {

    ResultChart(String id, String title, ChartType type, Grouped data, String dimension) {
        EChart chart = new EChart(title, ChartOptions.build(type, data, title));
        chart.setId(id);
        chart.setHeight(Math.max(200, ChartOptions.height(type, data)) + "px");
        ChartNumbers numbers = new ChartNumbers();
        numbers.show(data, dimension, getLocale());
        Details table = new Details(getTranslation("chart.as-table"), numbers);
        add(new H3(title), chart, table);
        setPadding(false);
        setWidthFull();
    }
}

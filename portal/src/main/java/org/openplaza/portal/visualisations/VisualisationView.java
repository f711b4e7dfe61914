package org.openplaza.portal.visualisations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.sql.SQLException;
import org.openplaza.charts.ChartOptions;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.openplaza.portal.layout.Formats;
import org.openplaza.visualisations.DrawnVisualisation;
import org.openplaza.visualisations.Visualisation;
import org.openplaza.visualisations.VisualisationService;

/**
 * A visualisation's permalink: the chart, its author, dataset and version, a link to the data,
 * the numbers as a table, and exports (PNG and SVG images drawn in the browser, the numbers as
 * CSV). Nobody needs to sign in to see a public one.
 */
@Route("visualisation")
@AnonymousAllowed
public class VisualisationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final VisualisationService visualisations;
    private String title = "";

    public VisualisationView(VisualisationService visualisations) {
        this.visualisations = visualisations;
        setMaxWidth("1200px");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        DrawnVisualisation drawn;
        try {
            drawn = visualisations.draw(id).orElseThrow(NotFoundException::new);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        visualisations.countView(id);
        Visualisation v = drawn.visualisation();
        title = v.title();
        removeAll();
        H1 heading = new H1(v.title());
        heading.setId("visualisation-heading");
        Paragraph byline = new Paragraph(
                getTranslation("visualisation.byline", v.author(), Formats.date(v.createdAt(), getLocale())));
        byline.setId("visualisation-byline");
        Anchor dataset = new Anchor("dataset/" + v.datasetSlug(), v.datasetTitle());
        dataset.setId("visualisation-dataset");
        Paragraph source = new Paragraph(getTranslation("visualisation.source"));
        source.add(new com.vaadin.flow.component.Text(" "), dataset);
        add(heading, byline, source);
        if (!v.description().isBlank()) {
            Paragraph about = new Paragraph(v.description());
            about.addClassName("dataset-description");
            add(about);
        }
        if (drawn.problem() != null) {
            Paragraph broken = new Paragraph(getTranslation("visualisation.fell-back"));
            broken.setId("visualisation-problem");
            broken.addClassName("error");
            add(broken);
        }
        EChart chart =
                new EChart(v.title(), ChartOptions.build(drawn.definition().type(), drawn.data(), v.title()));
        chart.setId("visualisation-chart");
        chart.setHeight("460px");
        ChartNumbers numbers = new ChartNumbers();
        numbers.setId("visualisation-table");
        numbers.show(drawn.data(), drawn.definition().query().dimension().column(), getLocale());
        Details table = new Details(getTranslation("chart.as-table"), numbers);
        table.setId("visualisation-as-table");
        Anchor csv = new Anchor("/download/visualisation/" + id + ".csv", getTranslation("visualisation.export.csv"));
        csv.setId("visualisation-csv");
        csv.setRouterIgnore(true);
        csv.getElement().setAttribute("download", true);
        Button png = new Button(
                getTranslation("visualisation.export.png"),
                e -> chart.getElement().callJsFunction("download", "png", "visualisation-" + id));
        png.setId("visualisation-png");
        Button svg = new Button(
                getTranslation("visualisation.export.svg"),
                e -> chart.getElement().callJsFunction("download", "svg", "visualisation-" + id));
        svg.setId("visualisation-svg");
        HorizontalLayout exports = new HorizontalLayout(csv, png, svg);
        exports.setAlignItems(FlexComponent.Alignment.BASELINE);
        com.vaadin.flow.component.textfield.TextField embed =
                new com.vaadin.flow.component.textfield.TextField(getTranslation("visualisation.embed"));
        embed.setId("visualisation-embed");
        embed.setReadOnly(true);
        embed.setWidthFull();
        embed.setHelperText(getTranslation("visualisation.embed.help"));
        embed.setValue("<iframe src=\"" + base() + "/embed/visualisation/" + id
                + "\" width=\"640\" height=\"420\" title=\""
                + org.springframework.web.util.HtmlUtils.htmlEscape(v.title())
                + "\" loading=\"lazy\"></iframe>");
        add(chart, table, exports, embed);
    }

    /** The portal's address as the visitor reached it, for the embed code. */
    private static String base() {
        com.vaadin.flow.server.VaadinServletRequest request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(
                        request.getHttpServletRequest())
                .build()
                .toUriString();
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}

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
import org.openplaza.audit.Audited;
import org.openplaza.catalog.ChartOptions;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.DrawnVisualisation;
import org.openplaza.catalog.Grouped;
import org.openplaza.catalog.Visualisation;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.charts.ChartLabels;
import org.openplaza.portal.charts.ChartNumbers;
import org.openplaza.portal.charts.EChart;
import org.openplaza.portal.layout.Formats;

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

    private final org.openplaza.catalog.DatasetReader reader;

    public VisualisationView(VisualisationService visualisations, org.openplaza.catalog.DatasetReader reader) {
        this.visualisations = visualisations;
        this.reader = reader;
        setMaxWidth("1200px");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        DrawnVisualisation drawn = visualisations.draw(id).orElseThrow(NotFoundException::new);
        visualisations.countView(id);
        Visualisation v = drawn.visualisation();
        title = v.title();
        removeAll();
        boolean own = v.owner().equals(Audited.currentActor());
        addHeading(v, drawn);
        addNotices(v, drawn, own);
        addChart(v, drawn, id);
        add(new VisualisationActions(visualisations, v, own));
    }

    /** The title, who made it when from which dataset's version, sharing, and what it shows. */
    private void addHeading(Visualisation v, DrawnVisualisation drawn) {
        H1 heading = new H1(v.title());
        heading.setId("visualisation-heading");
        Paragraph byline = new Paragraph(
                getTranslation("visualisation.byline", v.author(), Formats.date(v.createdAt(), getLocale())));
        byline.setId("visualisation-byline");
        Anchor dataset = new Anchor("dataset/" + v.datasetSlug(), v.datasetTitle());
        dataset.setId("visualisation-dataset");
        Paragraph source = new Paragraph(getTranslation("visualisation.source"));
        source.add(new com.vaadin.flow.component.Text(" "), dataset);
        add(
                heading,
                byline,
                source,
                version(v, drawn.versionId()),
                new org.openplaza.portal.layout.ShareBar("visualisation"));
        if (!v.description().isBlank()) {
            Paragraph about = new Paragraph(v.description());
            about.addClassName("dataset-description");
            about.setId("visualisation-description");
            add(about);
        }
    }

    /** Hidden by a moderator (with a way back for an administrator), or drawn from an older version. */
    private void addNotices(Visualisation v, DrawnVisualisation drawn, boolean own) {
        if (v.hidden()) {
            Paragraph hidden = new Paragraph(getTranslation("visualisation.hidden", v.hiddenReason()));
            hidden.setId("visualisation-hidden");
            hidden.addClassName("error");
            add(hidden);
            if (org.openplaza.portal.layout.Viewer.isAdmin()) {
                Button restore = new Button(getTranslation("visualisation.restore"), e -> {
                    visualisations.restore(v.id());
                    getUI().ifPresent(ui -> ui.getPage().reload());
                });
                restore.setId("visualisation-restore");
                add(restore);
            }
        }
        if (drawn.problem() != null) {
            Paragraph broken = new Paragraph(getTranslation("visualisation.fell-back"));
            broken.setId("visualisation-problem");
            broken.addClassName("error");
            if (own) {
                // the owner sees which part broke, to mend it
                broken.add(new com.vaadin.flow.component.html.Span(
                        " " + getTranslation("visualisation.fell-back.detail", drawn.problem())));
            }
            add(broken);
        }
    }

    /** The chart, its numbers as a table, its exports and the code that embeds it elsewhere. */
    private void addChart(Visualisation v, DrawnVisualisation drawn, long id) {
        Grouped data = ChartLabels.readable(drawn, this::getTranslation);
        ChartType type = drawn.definition().type();
        EChart chart = new EChart(v.title(), ChartOptions.build(type, data, v.title()));
        chart.setId("visualisation-chart");
        if (!v.description().isBlank()) {
            // screen readers read the description with the chart's name
            chart.getElement().setAttribute("aria-describedby", "visualisation-description");
        }
        chart.setHeight(Math.max(460, ChartOptions.height(type, data)) + "px");
        ChartNumbers numbers = new ChartNumbers();
        numbers.setId("visualisation-table");
        numbers.show(data, drawn.label(drawn.definition().query().dimension().column()), getLocale());
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
        embed.setValue(
                "<iframe src=\"" + org.openplaza.portal.layout.Viewer.portalAddress() + "/embed/visualisation/" + id
                        + "\" width=\"640\" height=\"420\" title=\""
                        + org.springframework.web.util.HtmlUtils.htmlEscape(v.title())
                        + "\" loading=\"lazy\"></iframe>");
        add(chart, table, exports, embed);
    }

    /** Which version of the dataset the chart is drawn from, with that version's rows. */
    private Paragraph version(Visualisation v, long versionId) {
        Paragraph line = new Paragraph();
        line.setId("visualisation-version");
        reader.versions(v.datasetId()).stream()
                .filter(s -> s.id() == versionId)
                .findFirst()
                .ifPresent(s -> {
                    line.add(new com.vaadin.flow.component.Text(getTranslation(
                                    v.followsLatest() ? "visualisation.version.latest" : "visualisation.version.fixed",
                                    s.number(),
                                    Formats.date(s.createdAt(), getLocale()))
                            + " "));
                    Anchor rows = new Anchor(
                            "/download/dataset/" + v.datasetId() + "/data.csv?version=" + versionId,
                            getTranslation("visualisation.version.rows"));
                    rows.setId("visualisation-version-rows");
                    rows.setRouterIgnore(true);
                    line.add(rows);
                });
        return line;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}

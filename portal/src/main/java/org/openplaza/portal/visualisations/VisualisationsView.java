package org.openplaza.portal.visualisations;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.visualisations.VisualisationService;
import org.openplaza.visualisations.VisualisationSummary;

/** The gallery of visualisations citizens made from the open data. */
@Route("visualisations")
@AnonymousAllowed
public class VisualisationsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<VisualisationSummary> grid = new Grid<>();

    public VisualisationsView(VisualisationService visualisations) {
        int count = visualisations.countVisible();
        add(new H1(getTranslation("visualisations.title")));
        Paragraph summary = new Paragraph(getTranslation("visualisations.count", count));
        summary.setId("visualisations-count");
        add(summary);
        if (count == 0) {
            add(new Paragraph(getTranslation("visualisations.empty")));
            return;
        }
        grid.setId("visualisations-grid");
        grid.addComponentColumn(v -> new com.vaadin.flow.component.html.Anchor("visualisation/" + v.id(), v.title()))
                .setHeader(getTranslation("visualisations.column.title"));
        grid.addColumn(VisualisationSummary::datasetTitle).setHeader(getTranslation("visualisations.column.dataset"));
        grid.addColumn(VisualisationSummary::author).setHeader(getTranslation("visualisations.column.author"));
        grid.addColumn(v -> Formats.date(v.createdAt(), getLocale()))
                .setHeader(getTranslation("visualisations.column.created"));
        grid.setItems(query -> visualisations.listVisible(query.getOffset(), query.getLimit()).stream());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "visualisations.title");
    }
}

package org.openplaza.portal.catalog;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.DatasetSummary;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;

/** The published datasets, newest first. */
@Route("catalog")
@AnonymousAllowed
public class CatalogView extends VerticalLayout implements HasDynamicTitle {

    final Grid<DatasetSummary> grid = new Grid<>();

    public CatalogView(CatalogService catalog) {
        int count = catalog.countPublishedDatasets();
        add(new H1(getTranslation("catalog.title")));
        Paragraph summary = new Paragraph(getTranslation("catalog.count", count));
        summary.setId("catalog-count");
        add(summary);
        if (count == 0) {
            add(new Paragraph(getTranslation("catalog.empty")));
            return;
        }
        grid.setId("catalog-grid");
        grid.addColumn(DatasetSummary::title).setHeader(getTranslation("catalog.column.title"));
        grid.addColumn(DatasetSummary::organisation).setHeader(getTranslation("catalog.column.organisation"));
        grid.addColumn(d -> Formats.date(d.modifiedAt(), getLocale()))
                .setHeader(getTranslation("catalog.column.modified"));
        grid.setItems(query -> catalog.listPublishedDatasets(query.getOffset(), query.getLimit()).stream());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "catalog.title");
    }
}

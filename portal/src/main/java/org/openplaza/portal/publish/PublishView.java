package org.openplaza.portal.publish;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.openplaza.catalog.ManagedDataset;
import org.openplaza.catalog.PublishingService;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;

/** The officials' workspace: the datasets of their organisations, and a way to start a new one. */
@Route("publish")
@RolesAllowed({"OFFICIAL", "ADMIN"})
public class PublishView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ManagedDataset> grid = new Grid<>();
    final Button create = new Button();

    public PublishView(PublishingService publishing) {
        H1 title = new H1(getTranslation("publish.title"));
        title.setId("publish-title");
        add(title, new Paragraph(getTranslation("publish.intro")));
        if (publishing.myOrganisations().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("publish.no-organisation"));
            none.setId("publish-no-organisation");
            add(none);
            return;
        }
        create.setId("publish-new");
        create.setText(getTranslation("publish.new"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DatasetEditorView.class)));
        grid.setId("publish-grid");
        grid.addColumn(ManagedDataset::title)
                .setHeader(getTranslation("catalog.column.title"))
                .setFlexGrow(3);
        grid.addColumn(ManagedDataset::organisation).setHeader(getTranslation("catalog.column.organisation"));
        grid.addColumn(d -> getTranslation("publish.state." + d.state())).setHeader(getTranslation("publish.state"));
        grid.addColumn(d -> d.currentVersion() == null ? "" : String.valueOf(d.currentVersion()))
                .setHeader(getTranslation("publish.version"));
        grid.addColumn(d -> d.rows() == null ? "" : String.format(getLocale(), "%,d", d.rows()))
                .setHeader(getTranslation("publish.rows"));
        grid.addColumn(d -> Formats.date(d.modifiedAt(), getLocale()))
                .setHeader(getTranslation("catalog.column.modified"));
        grid.setItems(publishing.managedDatasets());
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(DatasetEditorView.class, e.getItem().id())));
        grid.setAllRowsVisible(true);
        add(create, grid);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "publish.title");
    }
}

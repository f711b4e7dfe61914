package org.openplaza.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.openplaza.catalog.VisualisationReport;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.portal.layout.Titles;

/**
 * The moderation queue: open reports on visualisations, oldest first. An administrator hides the
 * visualisation with a reason its owner sees (which closes its reports) or dismisses the report.
 * Both are audit-logged.
 */
@Route("admin/reports")
@RolesAllowed("ADMIN")
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final VisualisationService visualisations;
    final Grid<VisualisationReport> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    public ReportsView(VisualisationService visualisations) {
        this.visualisations = visualisations;
        summary.setId("reports-count");
        grid.setId("reports-grid");
        grid.addComponentColumn(r -> new Anchor("visualisation/" + r.visualisationId(), r.title()))
                .setHeader(getTranslation("admin.reports.visualisation"))
                .setFlexGrow(2);
        grid.addColumn(VisualisationReport::author).setHeader(getTranslation("admin.reports.author"));
        grid.addColumn(VisualisationReport::reporter).setHeader(getTranslation("admin.reports.reporter"));
        grid.addColumn(VisualisationReport::reason)
                .setHeader(getTranslation("admin.reports.reason"))
                .setFlexGrow(3);
        grid.addColumn(r -> Formats.dateTime(r.reportedAt(), getLocale()))
                .setHeader(getTranslation("admin.reports.when"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader(getTranslation("admin.reports.actions"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("admin.reports.title")), summary, grid);
        refresh();
    }

    private void refresh() {
        var reports = visualisations.openReports();
        summary.setText(getTranslation("admin.reports.count", reports.size()));
        grid.setItems(reports);
    }

    private HorizontalLayout actions(VisualisationReport report) {
        Button hide = new Button(getTranslation("admin.reports.hide"), e -> openHide(report));
        hide.setId("report-hide-" + report.id());
        hide.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Button dismiss = new Button(getTranslation("admin.reports.dismiss"), e -> {
            visualisations.dismissReport(report.id());
            refresh();
        });
        dismiss.setId("report-dismiss-" + report.id());
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(hide, dismiss);
    }

    private void openHide(VisualisationReport report) {
        ReasonDialog.open(
                getTranslation("admin.reports.hide.heading", report.title()),
                getTranslation("admin.reports.hide.reason"),
                getTranslation("admin.reports.hide"),
                "report-hide-reason",
                500,
                true,
                reason -> visualisations.hide(report.visualisationId(), reason),
                this::refresh);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.reports.title");
    }
}

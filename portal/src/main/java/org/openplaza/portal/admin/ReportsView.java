package org.openplaza.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
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
 * The moderation queue: open reports on visualisations, then on dashboards, oldest first. An
 * administrator hides the visualisation or dashboard with a reason its owner sees (which closes
 * its reports) or dismisses the report. Both are audit-logged.
 */
@Route("admin/reports")
@RolesAllowed("ADMIN")
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final VisualisationService visualisations;
    private final org.openplaza.catalog.DashboardService dashboards;
    final Grid<VisualisationReport> grid = new Grid<>();
    final Grid<org.openplaza.catalog.DashboardReport> dashboardGrid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph dashboardSummary = new Paragraph();

    public ReportsView(VisualisationService visualisations, org.openplaza.catalog.DashboardService dashboards) {
        this.visualisations = visualisations;
        this.dashboards = dashboards;
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
        add(new H1(getTranslation("admin.reports.title")), new H2(getTranslation("admin.reports.visualisations")));
        add(summary, grid);
        dashboardSummary.setId("dashboard-reports-count");
        dashboardGrid.setId("dashboard-reports-grid");
        dashboardGrid
                .addComponentColumn(r -> new Anchor("dashboard/" + r.dashboardId(), r.title()))
                .setHeader(getTranslation("admin.reports.dashboard"))
                .setFlexGrow(2);
        dashboardGrid
                .addColumn(org.openplaza.catalog.DashboardReport::author)
                .setHeader(getTranslation("admin.reports.author"));
        dashboardGrid
                .addColumn(org.openplaza.catalog.DashboardReport::reporter)
                .setHeader(getTranslation("admin.reports.reporter"));
        dashboardGrid
                .addColumn(org.openplaza.catalog.DashboardReport::reason)
                .setHeader(getTranslation("admin.reports.reason"))
                .setFlexGrow(3);
        dashboardGrid
                .addColumn(r -> Formats.dateTime(r.reportedAt(), getLocale()))
                .setHeader(getTranslation("admin.reports.when"))
                .setAutoWidth(true);
        dashboardGrid
                .addComponentColumn(this::dashboardActions)
                .setKey("actions")
                .setHeader(getTranslation("admin.reports.actions"))
                .setAutoWidth(true);
        dashboardGrid.setAllRowsVisible(true);
        add(new H2(getTranslation("admin.reports.dashboards")), dashboardSummary, dashboardGrid);
        refresh();
    }

    private void refresh() {
        var reports = visualisations.openReports();
        summary.setText(getTranslation("admin.reports.count", reports.size()));
        grid.setItems(reports);
        var onDashboards = dashboards.openReports();
        dashboardSummary.setText(getTranslation("admin.reports.count", onDashboards.size()));
        dashboardGrid.setItems(onDashboards);
    }

    private HorizontalLayout dashboardActions(org.openplaza.catalog.DashboardReport report) {
        Button hide = new Button(
                getTranslation("admin.reports.hide"),
                e -> ReasonDialog.open(
                        getTranslation("admin.reports.hide.heading", report.title()),
                        getTranslation("admin.reports.hide.reason"),
                        getTranslation("admin.reports.hide"),
                        "dashboard-report-hide-reason",
                        500,
                        true,
                        reason -> dashboards.hide(report.dashboardId(), reason),
                        this::refresh));
        hide.setId("dashboard-report-hide-" + report.id());
        hide.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Button dismiss = new Button(getTranslation("admin.reports.dismiss"), e -> {
            dashboards.dismissReport(report.id());
            refresh();
        });
        dismiss.setId("dashboard-report-dismiss-" + report.id());
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(hide, dismiss);
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

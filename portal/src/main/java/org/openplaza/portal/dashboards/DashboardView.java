package org.openplaza.portal.dashboards;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.layout.Confirm;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.ReasonDialog;
import org.openplaza.portal.layout.ShareBar;
import org.openplaza.portal.layout.Viewer;
import org.springframework.web.util.HtmlUtils;

/**
 * A dashboard's permalink: its tiles, live; its owner adds, orders and removes tiles and changes
 * its title; its owner or an administrator deletes it, and an administrator puts it on the home
 * page. The page gives the code that embeds the dashboard elsewhere.
 */
@Route("dashboard")
@AnonymousAllowed
public class DashboardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DashboardService dashboards;
    private final VisualisationService visualisations;
    private final CatalogService catalog;
    private final DatasetReader reader;
    private final DashboardGrids grids;
    private String title = "";
    private long id;

    public DashboardView(
            DashboardService dashboards,
            VisualisationService visualisations,
            CatalogService catalog,
            DatasetReader reader,
            DashboardGrids grids) {
        this.dashboards = dashboards;
        this.visualisations = visualisations;
        this.catalog = catalog;
        this.reader = reader;
        this.grids = grids;
        setMaxWidth("1400px");
        addClassName("dashboard-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        this.id = id;
        show();
    }

    private void show() {
        Dashboard dashboard = dashboards.find(id).orElseThrow(NotFoundException::new);
        title = dashboard.title();
        removeAll();
        boolean own = dashboard.owner().equals(Audited.currentActor());
        H1 heading = new H1(dashboard.title());
        heading.setId("dashboard-heading");
        Paragraph byline = new Paragraph(getTranslation(
                "dashboard.byline", dashboard.author(), Formats.date(dashboard.updatedAt(), getLocale())));
        byline.setId("dashboard-byline");
        add(heading, byline);
        if (!dashboard.description().isBlank()) {
            Paragraph about = new Paragraph(dashboard.description());
            about.setId("dashboard-description");
            about.addClassName("dataset-description");
            add(about);
        }
        if (dashboard.hiddenReason() != null) {
            Paragraph hidden = new Paragraph(getTranslation("dashboard.hidden", dashboard.hiddenReason()));
            hidden.setId("dashboard-hidden");
            hidden.addClassName("notice");
            add(hidden);
        }
        add(new ShareBar("dashboard"));
        if (own || Viewer.isAdmin()) {
            add(tools(dashboard, own));
        } else if (Viewer.signedIn()) {
            Button report = new Button(getTranslation("dashboard.report"), e -> openReport(dashboard));
            report.setId("dashboard-report");
            report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            report.addClassName("no-print");
            add(report);
        }
        add(grids.grid(dashboard, own ? this::tileTools : null));
        add(embed(dashboard));
    }

    /** The owner's tools for the whole dashboard, and an administrator's. */
    private Component tools(Dashboard dashboard, boolean own) {
        HorizontalLayout tools = new HorizontalLayout();
        tools.setId("dashboard-tools");
        tools.setWrap(true);
        tools.addClassName("no-print");
        if (own) {
            Button chart = new Button(
                    getTranslation("dashboard.add-chart"),
                    VaadinIcon.BAR_CHART.create(),
                    e -> TileDialogs.addChart(this, dashboards, visualisations, id, this::show));
            chart.setId("dashboard-add-chart");
            Button figure = new Button(
                    getTranslation("dashboard.add-figure"),
                    VaadinIcon.TRENDING_UP.create(),
                    e -> TileDialogs.addFigure(this, dashboards, catalog, reader, id, this::show));
            figure.setId("dashboard-add-figure");
            Button edit = new Button(
                    getTranslation("dashboard.edit"),
                    e -> DashboardForm.open(
                            this,
                            "dashboard.edit",
                            dashboard.title(),
                            dashboard.description(),
                            (t, d) -> {
                                dashboards.describe(id, t, d);
                                return id;
                            },
                            saved -> show()));
            edit.setId("dashboard-edit");
            tools.add(chart, figure, edit);
        }
        if (Viewer.isAdmin() && dashboard.hiddenReason() != null) {
            Button restore = new Button(getTranslation("dashboard.restore"), e -> {
                dashboards.restore(id);
                show();
            });
            restore.setId("dashboard-restore");
            tools.add(restore);
        } else if (Viewer.isAdmin()) {
            Button feature = new Button(
                    getTranslation(dashboard.featured() ? "dashboard.unfeature" : "dashboard.feature"), e -> {
                        dashboards.feature(id, !dashboard.featured());
                        show();
                    });
            feature.setId("dashboard-feature");
            tools.add(feature);
        }
        Button delete = new Button(
                getTranslation("dashboard.delete"),
                e -> Confirm.then(
                        this,
                        "dashboard-delete",
                        "dashboard.delete",
                        "dashboard.delete.text",
                        "dashboard.delete",
                        () -> {
                            dashboards.delete(id);
                            getUI().ifPresent(ui -> ui.navigate(DashboardsView.class));
                        }));
        delete.setId("dashboard-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        tools.add(delete);
        return tools;
    }

    private void openReport(Dashboard dashboard) {
        ReasonDialog.open(
                getTranslation("dashboard.report.heading", dashboard.title()),
                getTranslation("dashboard.report.reason"),
                getTranslation("dashboard.report.send"),
                "dashboard-report-reason",
                1000,
                false,
                reason -> dashboards.report(id, reason),
                () -> Notification.show(getTranslation("dashboard.report.sent"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS));
    }

    /** Earlier, later and remove, named with the tile's title for screen readers. */
    private Component tileTools(Dashboard.Tile tile) {
        Button earlier = new Button(VaadinIcon.ARROW_BACKWARD.create(), e -> {
            dashboards.moveTile(id, tile.id(), -1);
            show();
        });
        earlier.setAriaLabel(getTranslation("dashboard.tile.earlier", tile.title()));
        earlier.setId("tile-" + tile.id() + "-earlier");
        Button later = new Button(VaadinIcon.ARROW_FORWARD.create(), e -> {
            dashboards.moveTile(id, tile.id(), 1);
            show();
        });
        later.setAriaLabel(getTranslation("dashboard.tile.later", tile.title()));
        later.setId("tile-" + tile.id() + "-later");
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            dashboards.removeTile(id, tile.id());
            show();
        });
        remove.setAriaLabel(getTranslation("dashboard.tile.remove", tile.title()));
        remove.setId("tile-" + tile.id() + "-remove");
        for (Button b : new Button[] {earlier, later, remove}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout tools = new HorizontalLayout(earlier, later, remove);
        tools.addClassName("dashboard-tile-tools");
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        return tools;
    }

    private Component embed(Dashboard dashboard) {
        TextField embed = new TextField(getTranslation("dashboard.embed"));
        embed.setId("dashboard-embed");
        embed.setReadOnly(true);
        embed.setWidthFull();
        embed.setHelperText(getTranslation("dashboard.embed.help"));
        embed.setValue("<iframe src=\"" + Viewer.portalAddress() + "/embed/dashboard/"
                + dashboard.id()
                + "\" width=\"960\" height=\"720\" title=\""
                + HtmlUtils.htmlEscape(dashboard.title())
                + "\" loading=\"lazy\"></iframe>");
        return embed;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}

package org.openplaza.portal.dashboards;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogService;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DatasetSummary;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.home.HomeView;
import org.openplaza.portal.testdata.Drafts;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Dashboards on the running portal without a browser: a citizen composes one from a chart and a
 * key figure through the dialogs, orders and removes tiles; a visitor sees it drawn without the
 * owner's tools and sees it redrawn, without reloading, when the official imports the dataset's
 * next version; an administrator puts it on the home page.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class DashboardViewIT {

    static final String NOISE = "day,site,noise_db\n"
            + "2026-10-05,Jongno,61\n2026-10-20,Mapo,55\n"
            + "2026-11-03,Jongno,70\n2026-11-21,Mapo,58\n";

    @Autowired
    PublishingService publishing;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DashboardService dashboards;

    @Autowired
    CatalogService catalog;

    @Autowired
    LiveDatasets live;

    @TempDir
    Path dir;

    long dataset;
    String title;
    long chart;

    @BeforeEach
    void noise_readings_published_and_charted() throws Exception {
        MockUi.signIn("official", "OFFICIAL");
        title = "Noise readings " + System.nanoTime();
        dataset = Drafts.ofTheWeatherService(publishing, title);
        importCsv("noise.csv", NOISE);
        publishing.publish(dataset);
        MockUi.signIn("citizen", "CITIZEN");
        chart = visualisations.save(
                dataset,
                "Noise by site",
                "",
                new ChartDefinition(
                        ChartType.BAR,
                        GroupRequest.of(
                                GroupRequest.Dimension.of("site"),
                                new GroupRequest.Measure("noise_db", GroupRequest.Aggregation.MAX))),
                true);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void importCsv(String name, String csv) throws Exception {
        Path file = Files.writeString(dir.resolve(name), csv);
        publishing.importVersion(
                dataset,
                file,
                name,
                ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    private KeyFigure monthlyMaximum() {
        return new KeyFigure(dataset, "noise_db", GroupRequest.Aggregation.MAX, "day", GroupRequest.Bucket.MONTH);
    }

    @Test
    void a_citizen_composes_a_dashboard_and_a_visitor_sees_it_without_the_tools() {
        MockUi.reload(Locale.ENGLISH);
        MockUi.navigate("dashboards", DashboardsView.class);
        _click(byId(Button.class, "dashboards-new"));
        _click(byId(Button.class, "dashboard-save"));
        assertThat(byId(TextField.class, "dashboard-title").getErrorMessage())
                .isEqualTo("A title needs 3 to 300 characters.");
        byId(TextField.class, "dashboard-title").setValue("Noise in the city");
        _click(byId(Button.class, "dashboard-save"));
        _get(DashboardView.class);
        assertThat(text("dashboard-heading")).isEqualTo("Noise in the city");
        assertThat(text("dashboard-empty")).isEqualTo("This dashboard has no tiles yet.");

        _click(byId(Button.class, "dashboard-add-figure"));
        @SuppressWarnings("unchecked")
        ComboBox<DatasetSummary> datasets = byId(ComboBox.class, "tile-dataset");
        datasets.setValue(catalog.listPublishedDatasets(0, 500).stream()
                .filter(d -> d.id() == dataset)
                .findFirst()
                .orElseThrow());
        @SuppressWarnings("unchecked")
        Select<TileDialogs.ColumnChoice> value = byId(Select.class, "tile-value");
        assertThat(value.getValue().name()).as("the column of numbers").isEqualTo("noise_db");
        @SuppressWarnings("unchecked")
        Select<TileDialogs.ColumnChoice> date = byId(Select.class, "tile-date");
        assertThat(date.getValue().name()).isEqualTo("day");
        @SuppressWarnings("unchecked")
        Select<GroupRequest.Aggregation> aggregation = byId(Select.class, "tile-aggregation");
        aggregation.setValue(GroupRequest.Aggregation.MAX);
        byId(TextField.class, "tile-title").setValue("Loudest reading");
        _click(byId(Button.class, "tile-figure-add"));

        _click(byId(Button.class, "dashboard-add-chart"));
        @SuppressWarnings("unchecked")
        ComboBox<Long> charts = byId(ComboBox.class, "tile-chart");
        charts.setValue(chart);
        _click(byId(Button.class, "tile-chart-add"));

        Dashboard saved = dashboards.mine().stream()
                .filter(d -> d.title().equals("Noise in the city"))
                .findFirst()
                .flatMap(d -> dashboards.find(d.id()))
                .orElseThrow();
        assertThat(saved.tiles()).extracting(Dashboard.Tile::title).containsExactly("Loudest reading", "Noise by site");
        long figure = saved.tiles().get(0).id();
        assertThat(text("tile-" + figure + "-value")).isEqualTo("70");
        assertThat(text("tile-" + figure + "-change")).isEqualTo("Up +9 (+15%) from 2026-10");
        assertThat(text("tile-" + figure + "-as-of")).startsWith("Data as of ");

        _click(byId(Button.class, "tile-" + figure + "-later"));
        assertThat(dashboards.find(saved.id()).orElseThrow().tiles())
                .extracting(Dashboard.Tile::title)
                .containsExactly("Noise by site", "Loudest reading");
        _click(byId(Button.class, "tile-" + figure + "-remove"));
        assertThat(dashboards.find(saved.id()).orElseThrow().tiles()).hasSize(1);

        SecurityContextHolder.clearContext();
        MockUi.signIn("newcomer", "CITIZEN");
        MockUi.navigate("dashboard/" + saved.id(), DashboardView.class);
        assertThat(_find(Button.class, spec -> spec.withId("dashboard-add-chart")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("dashboard-delete"))).isEmpty();
        assertThat(_find(Section.class, spec -> spec.withClasses("dashboard-tile")))
                .hasSize(1);
    }

    /** Lets the UI take what the redraw pushed, until the condition holds or ten seconds pass. */
    private static void until(Supplier<Boolean> condition) {
        org.awaitility.Awaitility.await("redrawn")
                .pollInSameThread()
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return condition.get();
                });
    }

    @Test
    void a_visitors_dashboard_redraws_when_the_dataset_gets_a_new_version() throws Exception {
        long id = dashboards.create("Noise, live", "");
        long figure = dashboards.addFigure(id, "Loudest reading", monthlyMaximum(), false);
        SecurityContextHolder.clearContext();
        MockUi.reload(Locale.ENGLISH);
        MockUi.navigate("dashboard/" + id, DashboardView.class);
        assertThat(text("tile-" + figure + "-value")).isEqualTo("70");
        assertThat(text("dashboard-" + id + "-status")).isEmpty();
        assertThat(live.watching()).isPositive();

        MockUi.signIn("official", "OFFICIAL");
        importCsv("noise2.csv", NOISE + "2026-12-01,Jongno,82\n");
        SecurityContextHolder.clearContext();

        until(() -> text("tile-" + figure + "-value").equals("82"));
        assertThat(text("tile-" + figure + "-change")).isEqualTo("Up +12 (+17%) from 2026-11");
        assertThat(text("dashboard-" + id + "-status")).startsWith("Redrawn with new data at ");
    }

    @Test
    void a_citizen_reports_a_dashboard_that_an_administrator_hides_from_everyone_but_its_owner() {
        long id = dashboards.create("Noise, badly named", "");
        dashboards.addChart(id, chart, false);

        MockUi.signIn("newcomer", "CITIZEN");
        MockUi.reload(Locale.ENGLISH);
        MockUi.navigate("dashboard/" + id, DashboardView.class);
        _click(byId(Button.class, "dashboard-report"));
        com.vaadin.flow.component.textfield.TextArea reason =
                byId(com.vaadin.flow.component.textfield.TextArea.class, "dashboard-report-reason");
        reason.setValue("no");
        _click(byId(Button.class, "dashboard-report-reason-confirm"));
        assertThat(reason.getErrorMessage()).isEqualTo("Say in 3 to 1,000 characters what is wrong.");
        reason.setValue("Its title mocks a neighbourhood.");
        _click(byId(Button.class, "dashboard-report-reason-confirm"));

        MockUi.signIn("admin", "ADMIN");
        org.openplaza.portal.admin.ReportsView queue =
                MockUi.navigate("admin/reports", org.openplaza.portal.admin.ReportsView.class);
        var reports = dashboards.openReports();
        var report =
                reports.stream().filter(r -> r.dashboardId() == id).findFirst().orElseThrow();
        assertThat(report.reason()).isEqualTo("Its title mocks a neighbourhood.");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Object> queued =
                _get(queue, com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("dashboard-reports-grid"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(queued)).isEqualTo(reports.size());
        Component actions = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(
                queued, reports.indexOf(report), "actions");
        _click(_get(actions, Button.class, spec -> spec.withId("dashboard-report-hide-" + report.id())));
        byId(com.vaadin.flow.component.textfield.TextArea.class, "dashboard-report-hide-reason")
                .setValue("Mocking a neighbourhood.");
        _click(byId(Button.class, "dashboard-report-hide-reason-confirm"));
        assertThat(dashboards.openReports()).noneMatch(r -> r.dashboardId() == id);

        MockUi.signOut();
        MockUi.reload(Locale.ENGLISH);
        com.vaadin.flow.component.UI.getCurrent().navigate("dashboard/" + id);
        assertThat(_find(DashboardView.class)).as("a visitor finds nothing").isEmpty();
        MockUi.signIn("citizen", "CITIZEN");
        MockUi.navigate("dashboard/" + id, DashboardView.class);
        assertThat(text("dashboard-hidden"))
                .isEqualTo("Hidden by moderation: Mocking a neighbourhood.. Only you and the administrators see it.");
        MockUi.signIn("admin", "ADMIN");
        MockUi.navigate("dashboard/" + id, DashboardView.class);
        _click(byId(Button.class, "dashboard-restore"));
        assertThat(_find(Component.class, spec -> spec.withId("dashboard-hidden")))
                .isEmpty();
        MockUi.signOut();
        assertThat(dashboards.find(id)).isPresent();
    }

    @Autowired
    DashboardGrids grids;

    @Autowired
    VisitorDraws visitorDraws;

    @Test
    void thirty_visitors_dashboards_are_redrawn_from_one_drawing_of_each_tile() throws Exception {
        long id = dashboards.create("Noise for everyone", "");
        long figure = dashboards.addFigure(id, "Loudest reading", monthlyMaximum(), false);
        dashboards.addChart(id, chart, false);
        Dashboard dashboard = dashboards.find(id).orElseThrow();
        MockUi.signOut();
        MockUi.reload(Locale.ENGLISH);
        long before = visitorDraws.made();
        long changesBefore = live.generation(dataset);
        List<DashboardGrid> open = new java.util.ArrayList<>();
        for (int visitor = 0; visitor < 30; visitor++) {
            DashboardGrid grid = grids.grid(dashboard, null);
            com.vaadin.flow.component.UI.getCurrent().add(grid);
            open.add(grid);
        }
        assertThat(visitorDraws.made() - before).as("drawn once for all thirty").isEqualTo(2);

        MockUi.signIn("official", "OFFICIAL");
        importCsv("noise4.csv", NOISE + "2026-12-01,Jongno,90\n");
        MockUi.signOut();
        until(() -> _find(Component.class, spec -> spec.withId("tile-" + figure + "-value")).stream()
                .allMatch(value -> ((HasText) value).getText().equals("90")));
        assertThat(_find(Component.class, spec -> spec.withId("tile-" + figure + "-value")))
                .hasSize(30);
        long changes = live.generation(dataset) - changesBefore;
        assertThat(changes).isPositive();
        long made = visitorDraws.made() - before;
        assertThat(made - 2)
                .as("each tile drawn again once for all thirty, at each change the import made")
                .isPositive()
                .isLessThanOrEqualTo(2 * changes);

        // a signed-in reader, who may see drafts, is drawn for alone
        MockUi.signIn("citizen", "CITIZEN");
        com.vaadin.flow.component.UI.getCurrent().add(grids.grid(dashboard, null));
        assertThat(visitorDraws.made() - before).isEqualTo(made);
        open.forEach(grid -> com.vaadin.flow.component.UI.getCurrent().remove(grid));
    }

    @Autowired
    org.openplaza.proposals.NotificationService notifications;

    @Test
    void a_citizen_asks_to_be_told_when_a_figure_goes_above_a_threshold_and_is_told_once() throws Exception {
        long id = dashboards.create("Noise alerts", "");
        long figure = dashboards.addFigure(id, "Loudest reading", monthlyMaximum(), false);
        MockUi.signIn("newcomer", "CITIZEN");
        MockUi.reload(Locale.ENGLISH);
        MockUi.navigate("dashboard/" + id, DashboardView.class);
        _click(byId(Button.class, "tile-" + figure + "-alert"));
        com.vaadin.flow.component.textfield.NumberField threshold =
                byId(com.vaadin.flow.component.textfield.NumberField.class, "alert-threshold");
        assertThat(threshold.getValue()).as("the latest value offered").isEqualTo(70.0);
        threshold.setValue(75.0);
        _click(byId(Button.class, "alert-save"));
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class).stream()
                        .map(p -> p.getElement().getTextRecursively()))
                .contains("You are notified when it goes above 75. Stop");
        int before = notifications.mine().size();

        MockUi.signIn("official", "OFFICIAL");
        importCsv("noise3.csv", NOISE + "2026-12-01,Jongno,82\n");
        MockUi.signIn("newcomer", "CITIZEN");
        org.awaitility.Awaitility.await("told")
                .pollInSameThread()
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> notifications.mine().size() > before);
        var told = notifications.mine().get(0);
        assertThat(told.kind()).isEqualTo(org.openplaza.proposals.Notification.Kind.FIGURE_CROSSED);
        assertThat(told.title()).isEqualTo("Loudest reading");
        org.openplaza.portal.proposals.NotificationsView view =
                MockUi.navigate("notifications", org.openplaza.portal.proposals.NotificationsView.class);
        var first = _find(view, com.vaadin.flow.component.html.ListItem.class).get(0);
        assertThat(first.getElement().getTextRecursively())
                .contains("A key figure you watch went above 75 (82 in 2026-12): Loudest reading");
        assertThat(_get(first, com.vaadin.flow.component.html.Anchor.class).getHref())
                .isEqualTo("dashboard/" + id);

        MockUi.navigate("dashboard/" + id, DashboardView.class);
        Button stop = _get(Button.class, spec -> spec.withText("Stop"));
        assertThat(stop.getElement().getAttribute("aria-label"))
                .isEqualTo("Stop notifying me when \"Loudest reading\" goes above 75");
        _click(stop);
        assertThat(_find(Button.class, spec -> spec.withText("Stop"))).isEmpty();
    }

    @Test
    void an_administrator_puts_a_dashboard_on_the_home_page() {
        long id = dashboards.create("Noise at a glance", "The loudest readings.");
        dashboards.addFigure(id, "Loudest reading", monthlyMaximum(), false);
        MockUi.signIn("citizen", "CITIZEN");
        MockUi.navigate("dashboard/" + id, DashboardView.class);
        assertThat(_find(Button.class, spec -> spec.withId("dashboard-feature")))
                .isEmpty();

        MockUi.signIn("admin", "ADMIN");
        Long before = dashboards.featured().map(Dashboard::id).orElse(null);
        try {
            MockUi.navigate("dashboard/" + id, DashboardView.class);
            assertThat(_find(Button.class, spec -> spec.withId("dashboard-add-chart")))
                    .as("an administrator does not compose others' dashboards")
                    .isEmpty();
            _click(byId(Button.class, "dashboard-feature"));
            assertThat(byId(Button.class, "dashboard-feature").getText()).isEqualTo("Take off the home page");

            SecurityContextHolder.clearContext();
            MockUi.navigate("", HomeView.class);
            assertThat(text("home-glance-heading")).isEqualTo("The city at a glance");
            assertThat(text("home-glance-link")).isEqualTo("Noise at a glance");
            assertThat(_find(Section.class, spec -> spec.withClasses("dashboard-tile")))
                    .hasSize(1);
        } finally {
            MockUi.signIn("admin", "ADMIN");
            if (before != null) {
                dashboards.feature(before, true);
            } else {
                dashboards.feature(id, false);
            }
        }
    }
}

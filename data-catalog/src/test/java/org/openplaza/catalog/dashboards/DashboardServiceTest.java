package org.openplaza.catalog.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.Dashboard;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.DrawnTile;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Bucket;
import org.openplaza.catalog.GroupRequest.Dimension;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.publishing.TestCallers;
import org.openplaza.catalog.publishing.TestDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Dashboards composed of a saved chart and a key figure of rainfall by month: drawn for anybody,
 * changed only by their owner, following the dataset's new versions, and refusing figures that
 * cannot be drawn. Each step commits, as in the portal, so that the dataset's new version is
 * heard by the caches that follow it.
 */
@SpringBootTest(properties = "spring.datasource.name=committing-dashboards-test")
class DashboardServiceTest {

    static final String RAIN = "day,station,rain_mm\n"
            + "2026-09-03,Changi,10\n2026-09-20,Newton,5\n"
            + "2026-10-01,Changi,4\n2026-10-15,Newton,2.5\n"
            + "2026-11-02,Changi,20\n2026-11-30,Newton,1\n";

    @Autowired
    PublishingService publishing;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DashboardService dashboards;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    long organisation;
    long dataset;
    long chart;

    final KeyFigure monthlyRain = new KeyFigure(0, "rain_mm", Aggregation.SUM, "day", Bucket.MONTH);

    @BeforeEach
    void rainfall_published_and_charted() throws Exception {
        TestCallers.userOnce(db, "lee");
        TestCallers.userOnce(db, "choi");
        TestCallers.signIn("root", "ADMIN");
        organisation =
                publishing.createOrganisation("Rain " + System.nanoTime()).id();
        Path file = Files.writeString(dir.resolve("rain.csv"), RAIN);
        dataset = TestDatasets.imported(publishing, TestDatasets.metadata(organisation, "Rainfall"), file, true);
        TestCallers.signIn("choi", "CITIZEN");
        chart = visualisations.save(
                dataset,
                "Rain by station",
                "",
                new ChartDefinition(
                        ChartType.BAR,
                        GroupRequest.of(Dimension.of("station"), new Measure("rain_mm", Aggregation.SUM))),
                true);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private KeyFigure rain() {
        return new KeyFigure(
                dataset, monthlyRain.valueColumn(), monthlyRain.aggregation(), "day", monthlyRain.period());
    }

    @Test
    void a_citizen_composes_a_dashboard_that_a_visitor_sees_drawn() {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("  Rain this autumn ", "Rainfall by month.");
        long chartTile = dashboards.addChart(id, chart, true);
        long figureTile = dashboards.addFigure(id, "Rain per month", rain(), false);

        TestCallers.anonymous();
        Dashboard dashboard = dashboards.find(id).orElseThrow();
        assertThat(dashboard.title()).isEqualTo("Rain this autumn");
        assertThat(dashboard.owner()).isEqualTo("lee");
        assertThat(dashboard.tiles()).extracting(Dashboard.Tile::id).containsExactly(chartTile, figureTile);
        assertThat(dashboard.tiles().get(0).title()).isEqualTo("Rain by station");
        assertThat(dashboard.tiles().get(0).wide()).isTrue();
        assertThat(dashboard.datasets()).containsExactly(dataset);

        DrawnTile drawnChart = dashboards.draw(dashboard.tiles().get(0));
        assertThat(drawnChart.problem()).isNull();
        assertThat(drawnChart.chart().data().categories()).containsExactly("Changi", "Newton");
        assertThat(drawnChart.chart().data().series().get(0).values()).containsExactly(34.0, 8.5);

        KeyFigure.Value figure = dashboards.draw(dashboard.tiles().get(1)).figure();
        assertThat(figure.latestPeriod()).isEqualTo("2026-11");
        assertThat(figure.latest()).isEqualTo(21.0);
        assertThat(figure.previousPeriod()).isEqualTo("2026-10");
        assertThat(figure.previous()).isEqualTo(6.5);
        assertThat(figure.change()).isEqualTo(14.5);
        assertThat(figure.relativeChange()).isCloseTo(14.5 / 6.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figure.periods()).containsExactly("2026-09", "2026-10", "2026-11");
        assertThat(figure.trend()).containsExactly(15.0, 6.5, 21.0);
        assertThat(figure.valueLabel()).isEqualTo("rain_mm");
        assertThat(figure.datasetTitle()).isEqualTo("Rainfall");
    }

    @Test
    void a_figure_follows_the_datasets_next_version() throws Exception {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Rain", "");
        dashboards.addFigure(id, "Rain per month", rain(), false);

        TestCallers.signIn("root", "ADMIN");
        Path next = Files.writeString(dir.resolve("rain2.csv"), RAIN + "2026-12-01,Changi,7\n");
        publishing.importVersion(
                dataset,
                next,
                "rain2.csv",
                ImportPlan.asDetected(publishing.analyse(next, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());

        TestCallers.anonymous();
        KeyFigure.Value figure = dashboards
                .draw(dashboards.find(id).orElseThrow().tiles().get(0))
                .figure();
        assertThat(figure.latestPeriod()).isEqualTo("2026-12");
        assertThat(figure.latest()).isEqualTo(7.0);
        assertThat(figure.previous()).isEqualTo(21.0);
    }

    @Test
    void only_the_owner_changes_a_dashboard_and_an_administrator_may_delete_it() {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Lee's rain", "");
        long tile = dashboards.addChart(id, chart, false);

        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> dashboards.addChart(id, chart, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.removeTile(id, tile)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.describe(id, "Choi's now", "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.delete(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.feature(id, true)).isInstanceOf(AccessDeniedException.class);

        TestCallers.anonymous();
        assertThatThrownBy(() -> dashboards.create("A visitor's", "")).isInstanceOf(AccessDeniedException.class);

        TestCallers.signIn("root", "ADMIN");
        // an administrator moderates dashboards, but does not compose other people's
        assertThatThrownBy(() -> dashboards.addChart(id, chart, false)).isInstanceOf(AccessDeniedException.class);
        dashboards.feature(id, true);
        assertThat(dashboards.featured()).map(Dashboard::id).contains(id);
        dashboards.delete(id);
        assertThat(dashboards.find(id)).isEmpty();
        assertThat(dashboards.featured()).isEmpty();
        assertThat(dashboards.find(id).isPresent()).isFalse();
    }

    @Test
    void a_reported_dashboard_an_administrator_hides_is_gone_for_others_and_kept_for_its_owner() {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Lee's rain, reported", "");
        dashboards.addChart(id, chart, false);

        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> dashboards.report(id, "no")).hasMessage("dashboard.error.report-reason");
        dashboards.report(id, "It insults the weather office.");
        assertThatThrownBy(() -> dashboards.report(id, "Again, the same."))
                .hasMessage("dashboard.error.already-reported");
        assertThatThrownBy(() -> dashboards.openReports()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.hide(id, "Insulting.")).isInstanceOf(AccessDeniedException.class);
        TestCallers.anonymous();
        assertThatThrownBy(() -> dashboards.report(id, "A visitor's report."))
                .isInstanceOf(AccessDeniedException.class);

        TestCallers.signIn("root", "ADMIN");
        var reports = dashboards.openReports().stream()
                .filter(r -> r.dashboardId() == id)
                .toList();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("It insults the weather office.");
            assertThat(r.title()).isEqualTo("Lee's rain, reported");
        });
        dashboards.feature(id, true);
        assertThatThrownBy(() -> dashboards.hide(id, "x")).hasMessage("dashboard.error.hide-reason");
        dashboards.hide(id, "Insulting an office.");
        assertThat(dashboards.openReports()).noneMatch(r -> r.dashboardId() == id);
        assertThat(dashboards.featured()).as("off the home page").isEmpty();
        assertThatThrownBy(() -> dashboards.feature(id, true)).hasMessage("dashboard.error.hidden");
        assertThatThrownBy(() -> dashboards.dismissReport(reports.get(0).id())).hasMessage("dashboard.error.no-report");
        assertThat(dashboards.find(id)).as("an administrator").isPresent();

        TestCallers.anonymous();
        assertThat(dashboards.find(id)).isEmpty();
        assertThat(dashboards.list(0, 200)).noneMatch(d -> d.id() == id);
        TestCallers.signIn("choi", "CITIZEN");
        assertThat(dashboards.find(id)).isEmpty();
        assertThatThrownBy(() -> dashboards.report(id, "Still there?")).hasMessage("dashboard.error.none");
        TestCallers.signIn("lee", "CITIZEN");
        assertThat(dashboards.find(id)).map(Dashboard::hiddenReason).contains("Insulting an office.");
        assertThat(dashboards.mine()).anyMatch(d -> d.id() == id);

        TestCallers.signIn("root", "ADMIN");
        dashboards.restore(id);
        TestCallers.signIn("choi", "CITIZEN");
        dashboards.report(id, "Now it is back, and still rude.");
        TestCallers.signIn("root", "ADMIN");
        long open = dashboards.openReports().stream()
                .filter(r -> r.dashboardId() == id)
                .findFirst()
                .orElseThrow()
                .id();
        dashboards.dismissReport(open);
        assertThat(dashboards.openReports()).noneMatch(r -> r.dashboardId() == id);
        TestCallers.anonymous();
        assertThat(dashboards.find(id))
                .hasValueSatisfying(d -> assertThat(d.hiddenReason()).isNull());
    }

    @Test
    void tiles_move_and_go() {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Order", "");
        long a = dashboards.addChart(id, chart, false);
        long b = dashboards.addFigure(id, "Monthly", rain(), false);
        long c = dashboards.addChart(id, chart, true);

        dashboards.moveTile(id, c, -1);
        assertThat(tiles(id)).containsExactly(a, c, b);
        dashboards.moveTile(id, a, -1);
        assertThat(tiles(id)).containsExactly(a, c, b);
        dashboards.removeTile(id, c);
        assertThat(tiles(id)).containsExactly(a, b);
        assertThatThrownBy(() -> dashboards.removeTile(id, c))
                .isInstanceOf(CatalogException.class)
                .hasMessage("dashboard.error.no-tile");

        long other = dashboards.create("Another", "");
        assertThatThrownBy(() -> dashboards.removeTile(other, a)).isInstanceOf(CatalogException.class);
        assertThat(tiles(id)).containsExactly(a, b);
    }

    private List<Long> tiles(long id) {
        return dashboards.find(id).orElseThrow().tiles().stream()
                .map(Dashboard.Tile::id)
                .toList();
    }

    @Test
    void a_figure_that_cannot_be_drawn_is_refused_with_its_reason() {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Refusals", "");
        assertThatThrownBy(() -> dashboards.create("ab", ""))
                .isInstanceOf(CatalogException.class)
                .hasMessage("dashboard.error.title");
        assertThatThrownBy(() -> dashboards.addFigure(
                        id,
                        "By station",
                        new KeyFigure(dataset, "rain_mm", Aggregation.SUM, "station", Bucket.MONTH),
                        false))
                .isInstanceOf(CatalogException.class)
                .hasMessage("dashboard.error.date-column");
        assertThatThrownBy(() -> dashboards.addFigure(
                        id,
                        "Sum of names",
                        new KeyFigure(dataset, "station", Aggregation.SUM, "day", Bucket.MONTH),
                        false))
                .isInstanceOf(CatalogException.class)
                .hasMessage("dashboard.error.value-column");
        assertThatThrownBy(() -> dashboards.addFigure(
                        id, "Gone", new KeyFigure(dataset, "snow_cm", Aggregation.SUM, "day", Bucket.MONTH), false))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("dashboard.error.no-column");
        assertThatThrownBy(() -> new KeyFigure(dataset, "rain_mm", Aggregation.SUM, "day", Bucket.NONE))
                .isInstanceOf(CatalogException.class)
                .hasMessage("dashboard.error.period");
        assertThatThrownBy(() -> dashboards.addChart(id, Long.MAX_VALUE, false)).isInstanceOf(CatalogException.class);
        // counting rows needs no value column, and counting distinct stations takes a text column
        dashboards.addFigure(
                id, "Readings", new KeyFigure(dataset, null, Aggregation.COUNT, "day", Bucket.YEAR), false);
        dashboards.addFigure(
                id,
                "Stations",
                new KeyFigure(dataset, "station", Aggregation.COUNT_DISTINCT, "day", Bucket.YEAR),
                false);
        assertThat(dashboards
                        .draw(dashboards.find(id).orElseThrow().tiles().get(0))
                        .figure()
                        .latest())
                .isEqualTo(6.0);
        assertThat(dashboards
                        .draw(dashboards.find(id).orElseThrow().tiles().get(1))
                        .figure()
                        .latest())
                .isEqualTo(2.0);
        for (int i = 2; i < DashboardService.MAX_TILES; i++) {
            dashboards.addChart(id, chart, false);
        }
        assertThatThrownBy(() -> dashboards.addChart(id, chart, false))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("dashboard.error.full");
    }

    @Test
    void a_withdrawn_dataset_shows_a_visitor_nothing_of_it() {
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Withdrawn", "");
        dashboards.addChart(id, chart, false);
        dashboards.addFigure(id, "Monthly", rain(), false);
        TestCallers.signIn("root", "ADMIN");
        publishing.withdraw(dataset);

        TestCallers.anonymous();
        Dashboard dashboard = dashboards.find(id).orElseThrow();
        for (Dashboard.Tile tile : dashboard.tiles()) {
            DrawnTile drawn = dashboards.draw(tile);
            assertThat(drawn.chart()).isNull();
            assertThat(drawn.figure()).isNull();
            assertThat(drawn.problem()).isNotNull();
        }
        TestCallers.signIn("lee", "CITIZEN");
        assertThatThrownBy(() -> dashboards.addFigure(id, "Again", rain(), false))
                .isInstanceOf(CatalogException.class)
                .hasMessage("publish.error.no-dataset");
    }
}

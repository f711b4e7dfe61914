package org.openplaza.catalog.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DashboardService;
import org.openplaza.catalog.FigureAlert;
import org.openplaza.catalog.FigureAlerts;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Bucket;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.KeyFigure;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ReadSettings;
import org.openplaza.catalog.publishing.TestCallers;
import org.openplaza.catalog.publishing.TestDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Alerts on a key figure of monthly rainfall: its user is told once when the figure goes past the
 * threshold after a new version, not again while it stays there, and again after it came back
 * and crossed anew; the announcement comes from the change itself, off the thread that made it.
 * Each step commits, as in the portal.
 */
@SpringBootTest(properties = "spring.datasource.name=committing-alerts-test")
class FigureAlertsTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    DashboardService dashboards;

    @Autowired
    FigureAlerts alerts;

    @Autowired
    DSLContext db;

    @Autowired
    Heard heard;

    @TempDir
    Path dir;

    long dataset;
    long tile;

    /** The crossings announced. */
    @TestConfiguration
    static class Heard {
        final List<FigureAlerts.Crossed> crossed = new CopyOnWriteArrayList<>();

        @EventListener
        void on(FigureAlerts.Crossed c) {
            crossed.add(c);
        }
    }

    @BeforeEach
    void a_dashboard_of_monthly_rainfall() throws Exception {
        TestCallers.userOnce(db, "lee");
        TestCallers.userOnce(db, "choi");
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("Rain " + System.nanoTime()).id();
        Path file = Files.writeString(dir.resolve("rain.csv"), DashboardServiceTest.RAIN);
        dataset = TestDatasets.imported(publishing, TestDatasets.metadata(organisation, "Rainfall"), file, true);
        TestCallers.signIn("lee", "CITIZEN");
        long id = dashboards.create("Rain alerts", "");
        tile = dashboards.addFigure(
                id, "Rain this month", new KeyFigure(dataset, "rain_mm", Aggregation.SUM, "day", Bucket.MONTH), false);
        heard.crossed.clear();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void nextVersion(String csv) throws Exception {
        TestCallers.signIn("root", "ADMIN");
        Path file = Files.writeString(dir.resolve("next" + System.nanoTime() + ".csv"), csv);
        publishing.importVersion(
                dataset,
                file,
                file.getFileName().toString(),
                ImportPlan.asDetected(publishing.analyse(file, ReadSettings.DETECT)),
                List.of(),
                new ImportMonitor());
    }

    /**
     * Waits (at most ten seconds) until the checks the changes started, as the portal runs them,
     * announced {@code expected} crossings in all, then looks once more itself: an alert turns once
     * whoever looks, so the count is the same whichever looked first.
     */
    private int heardAfterChange(int expected) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> heard.crossed.size() >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted below: the assertion says how many were heard
        }
        SecurityContextHolder.clearContext();
        alerts.check(dataset);
        return heard.crossed.size();
    }

    @Test
    void its_user_is_told_once_when_the_figure_crosses_and_again_after_it_came_back() throws Exception {
        TestCallers.signIn("choi", "CITIZEN");
        long alert = alerts.watch(tile, FigureAlert.Direction.ABOVE, 25);
        assertThat(alerts.mine()).extracting(FigureAlert::id).containsExactly(alert);
        assertThat(alerts.mine().get(0).beyond()).as("21 mm in November").isFalse();

        nextVersion(DashboardServiceTest.RAIN + "2026-11-15,Seletar,10\n");
        assertThat(heardAfterChange(1)).isEqualTo(1);
        FigureAlerts.Crossed crossed = heard.crossed.get(0);
        assertThat(crossed.user()).isEqualTo("choi");
        assertThat(crossed.value()).isEqualTo(31.0);
        assertThat(crossed.period()).isEqualTo("2026-11");
        assertThat(crossed.tileTitle()).isEqualTo("Rain this month");
        assertThat(crossed.threshold()).isEqualTo(25.0);

        nextVersion(DashboardServiceTest.RAIN + "2026-11-15,Seletar,12\n");
        assertThat(heardAfterChange(1)).as("still above: not told again").isEqualTo(1);

        nextVersion(DashboardServiceTest.RAIN);
        assertThat(heardAfterChange(1)).as("back below").isEqualTo(1);
        nextVersion(DashboardServiceTest.RAIN + "2026-11-16,Changi,30\n");
        assertThat(heardAfterChange(2)).as("crossed anew").isEqualTo(2);
        assertThat(heard.crossed.get(1).value()).isEqualTo(51.0);
    }

    @Test
    void only_who_sees_the_figure_watches_it_and_only_its_user_stops_an_alert() throws Exception {
        TestCallers.anonymous();
        assertThatThrownBy(() -> alerts.watch(tile, FigureAlert.Direction.ABOVE, 25))
                .isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> alerts.watch(tile, FigureAlert.Direction.ABOVE, Double.NaN))
                .isInstanceOf(CatalogException.class)
                .hasMessage("dashboard.error.threshold");
        long alert = alerts.watch(tile, FigureAlert.Direction.BELOW, 5);
        TestCallers.signIn("lee", "CITIZEN");
        assertThatThrownBy(() -> alerts.stop(alert)).isInstanceOf(AccessDeniedException.class);

        TestCallers.signIn("root", "ADMIN");
        publishing.withdraw(dataset);
        TestCallers.signIn("choi", "CITIZEN");
        assertThatThrownBy(() -> alerts.watch(tile, FigureAlert.Direction.ABOVE, 25))
                .isInstanceOf(CatalogException.class)
                .hasMessage("publish.error.no-dataset");
        // a withdrawn dataset tells nobody anything, whatever its rows say
        TestCallers.signIn("root", "ADMIN");
        nextVersion("day,station,rain_mm\n2026-12-01,Changi,1\n");
        assertThat(heardAfterChange(0)).isZero();

        TestCallers.signIn("choi", "CITIZEN");
        alerts.stop(alert);
        assertThat(alerts.mine()).extracting(FigureAlert::id).doesNotContain(alert);
    }
}

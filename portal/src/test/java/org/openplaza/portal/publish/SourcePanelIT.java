package org.openplaza.portal.publish;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ScheduledSources;
import org.openplaza.db.catalog.Tables;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.catalog.DatasetView;
import org.openplaza.portal.proposals.NotificationsView;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A dataset refreshed from an address, on the running portal without a browser: the official sets
 * the address in the workspace and fetches it now, a version comes of it; the server then fails,
 * the scheduler's next rounds keep the version live, say so in the workspace and on the dataset's
 * public page, and tell the official once among their notifications.
 */
@ExtendWith(MockUi.class)
@RunningPortal
class SourcePanelIT {

    static final String CSV = "district,bins_emptied\nGangnam,120\nMapo,95\n";

    @Autowired
    PublishingService publishing;

    @Autowired
    ScheduledSources sources;

    @Autowired
    DSLContext db;

    HttpServer server;
    String address;
    final AtomicInteger status = new AtomicInteger(200);
    long dataset;

    @BeforeEach
    void a_city_server_and_a_dataset_of_the_official() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bins.csv", exchange -> {
            byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
            if (status.get() == 200) {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } else {
                exchange.sendResponseHeaders(status.get(), -1);
            }
            exchange.close();
        });
        server.start();
        address = "http://localhost:" + server.getAddress().getPort() + "/bins.csv";
        MockUi.signIn("official", "OFFICIAL");
        dataset = publishing.createDataset(new DatasetMetadata(
                publishing.myOrganisations().get(0).id(),
                "Bins emptied " + System.nanoTime(),
                "Bins emptied per district, refreshed from the cleaning service.",
                null,
                null,
                Set.of("ENVI"),
                List.of("waste"),
                "CC-BY-4.0",
                "DAILY",
                null,
                null,
                "Seoul",
                "en"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    private SourcePanel panel() {
        DatasetEditorView editor = MockUi.navigate("publish/dataset/" + dataset, DatasetEditorView.class);
        return _get(editor, SourcePanel.class);
    }

    /** Waits for the fetch the button started off the UI thread, then lets the UI take its result. */
    private void fetchedNow(SourcePanel panel) {
        _click(panel.fetchNow);
        org.awaitility.Awaitility.await("the fetch finished")
                .pollInSameThread()
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return !panel.fetching.isVisible();
                });
    }

    private void dueRound() {
        var s = Tables.DATASET_SOURCE;
        db.update(s)
                .set(s.NEXT_DUE_AT, OffsetDateTime.now().minusSeconds(1))
                .where(s.DATASET_ID.eq(dataset))
                .execute();
        var signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            sources.refreshDue();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    @Test
    void an_official_sets_an_address_fetches_it_and_hears_when_it_fails() throws Exception {
        SourcePanel panel = panel();
        assertThat(panel.status.getText()).isEqualTo("This dataset is not refreshed from an address.");
        assertThat(panel.fetchNow.isVisible()).isFalse();

        panel.url.setValue(address);
        panel.every.setValue(Duration.ofHours(1));
        _click(panel.save);
        assertThat(panel.url.isInvalid()).isFalse();
        assertThat(panel.status.getText()).startsWith("Last successful refresh: never.");

        fetchedNow(panel);
        assertThat(panel.status.getText()).doesNotStartWith("Last successful refresh: never.");
        assertThat(panel.failure.isVisible()).isFalse();
        DatasetEditorView editor = _get(DatasetEditorView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> versions = _get(editor, Grid.class, spec -> spec.withId("versions-grid"));
        assertThat(GridKt._size(versions)).isEqualTo(1);

        status.set(503);
        dueRound();
        dueRound();
        panel = panel();
        assertThat(panel.failure.isVisible()).isTrue();
        assertThat(panel.failure.getText()).isEqualTo("The last fetch failed: localhost answered with status 503.");
        assertThat(GridKt._size(_get(_get(DatasetEditorView.class), Grid.class, spec -> spec.withId("versions-grid"))))
                .as("the version fetched stays")
                .isEqualTo(1);

        String slug = publishing.managedDatasets().stream()
                .filter(d -> d.id() == dataset)
                .findFirst()
                .orElseThrow()
                .slug();
        DatasetView page = MockUi.navigate("dataset/" + slug, DatasetView.class);
        assertThat(_get(page, Paragraph.class, spec -> spec.withId("dataset-source"))
                        .getText())
                .startsWith("Refreshed automatically from localhost.");
        assertThat(_get(page, Span.class, spec -> spec.withId("dataset-source-failing"))
                        .getText())
                .contains("last refresh failed");

        NotificationsView notices = MockUi.navigate("notifications", NotificationsView.class);
        List<String> aboutIt = _find(notices, ListItem.class).stream()
                .map(item -> item.getElement().getTextRecursively())
                .filter(text -> text.contains("answered with status 503"))
                .toList();
        assertThat(aboutIt)
                .as("told once, when it started failing")
                .hasSize(1)
                .first()
                .asString()
                .startsWith("New The address this dataset refreshes from has started failing");
    }

    @Test
    void an_address_the_portal_may_not_fetch_is_refused_at_the_field() {
        SourcePanel panel = panel();
        panel.url.setValue("ftp://files.example.gov/bins.csv");
        _click(panel.save);
        assertThat(panel.url.isInvalid()).isTrue();
        assertThat(panel.url.getErrorMessage()).isEqualTo("Only http and https addresses can be fetched.");
        assertThat(sources.of(dataset)).isEmpty();
    }
}

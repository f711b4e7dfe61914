package org.openplaza.catalog.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.ScheduledSources;
import org.openplaza.catalog.ScheduledSources.Outcome;
import org.openplaza.catalog.publishing.TestCallers;
import org.openplaza.catalog.publishing.TestDatasets;
import org.openplaza.db.accounts.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A dataset that refreshes itself from a server on this machine, which changes its file, goes
 * away, changes its columns and sends a file the importer refuses. Each step commits, as in the
 * portal, and the scheduled round is run as the scheduler runs it, with nobody signed in.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.name=committing-sources-test",
            "openplaza.fetch.internal-hosts-allowed=localhost"
        })
class ScheduledSourcesTest {

    static final String FIRST = "station,rain_mm\nChangi,12.5\nNewton,8\n";
    static final String SECOND = "station,rain_mm\nChangi,12.5\nNewton,8\nSeletar,3.25\n";

    @Autowired
    PublishingService publishing;

    @Autowired
    ScheduledSources sources;

    @Autowired
    DatasetReader reader;

    @Autowired
    DSLContext db;

    @Autowired
    Failures failures;

    HttpServer server;
    String address;
    long dataset;
    long organisation;

    /** What the server answers now: a status, and the body of a 200. */
    final AtomicReference<String> body = new AtomicReference<>(FIRST);

    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();

    /** The failures announced for publishers. */
    @TestConfiguration
    static class Failures {
        final List<ScheduledSources.SourceFailed> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ScheduledSources.SourceFailed failed) {
            seen.add(failed);
        }
    }

    @BeforeEach
    void a_city_server_and_a_dataset() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rain.csv", exchange -> {
            fetches.incrementAndGet();
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + Integer.toHexString(body.get().hashCode()) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            } else if (status.get() != 200) {
                exchange.sendResponseHeaders(status.get(), -1);
            } else {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        address = "http://localhost:" + server.getAddress().getPort() + "/rain.csv";

        TestCallers.userOnce(db, "source-official");
        TestCallers.userOnce(db, "source-outsider");
        for (String user : List.of("source-official", "source-outsider")) {
            db.mergeInto(Tables.USER_ROLE)
                    .using(db.selectOne())
                    .on(Tables.USER_ROLE.USER_ID.eq(userId(user)).and(Tables.USER_ROLE.ROLE_NAME.eq("OFFICIAL")))
                    .whenNotMatchedThenInsert(Tables.USER_ROLE.USER_ID, Tables.USER_ROLE.ROLE_NAME)
                    .values(userId(user), "OFFICIAL")
                    .execute();
        }
        TestCallers.signIn("root", "ADMIN");
        organisation =
                publishing.createOrganisation("Rain " + System.nanoTime()).id();
        publishing.addMember(organisation, "source-official");
        TestCallers.signIn("source-official", "OFFICIAL");
        dataset = publishing.createDataset(TestDatasets.metadata(organisation, "Rainfall, refreshed"));
        failures.seen.clear();
    }

    private long userId(String username) {
        return db.select(Tables.APP_USER.ID)
                .from(Tables.APP_USER)
                .where(Tables.APP_USER.USERNAME.eq(username))
                .fetchSingle(Tables.APP_USER.ID);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    private long rows() throws Exception {
        TestCallers.signIn("root", "ADMIN");
        return reader.byId(dataset).orElseThrow().rows();
    }

    private int versions() {
        TestCallers.signIn("root", "ADMIN");
        return publishing.versions(dataset).size();
    }

    private org.openplaza.catalog.DatasetSource source() {
        return sources.of(dataset).orElseThrow();
    }

    /** Makes the source due and runs a round as the scheduler does, on no one's behalf. */
    private void round() {
        var s = org.openplaza.db.catalog.Tables.DATASET_SOURCE;
        db.update(s)
                .set(s.NEXT_DUE_AT, java.time.OffsetDateTime.now().minusSeconds(1))
                .where(s.DATASET_ID.eq(dataset))
                .execute();
        SecurityContextHolder.clearContext();
        sources.refreshDue();
    }

    @Test
    void a_source_makes_a_version_only_when_its_file_changes() throws Exception {
        sources.set(dataset, address, Duration.ofHours(1));
        round();
        assertThat(versions()).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
        assertThat(source().lastSuccessAt()).isNotNull();
        assertThat(source().failing()).isFalse();

        round();
        assertThat(notModified.get()).as("the second fetch is conditional").isEqualTo(1);
        assertThat(versions()).isEqualTo(1);

        body.set(SECOND);
        round();
        assertThat(versions()).isEqualTo(2);
        assertThat(rows()).isEqualTo(3);
        assertThat(source().lastChangeAt()).isNotNull();
        assertThat(source().nextDueAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(failures.seen).noneMatch(f -> f.datasetId() == dataset);
    }

    @Test
    void a_json_source_makes_versions_of_its_records_and_a_file_without_records_fails() throws Exception {
        AtomicReference<String> json = new AtomicReference<>("""
                {"success": true, "result": {"records": [
                  {"station": "Changi", "rain_mm": 12.5}, {"station": "Newton", "rain_mm": 8}]}}
                """);
        server.createContext("/rain.json", exchange -> {
            byte[] bytes = json.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        sources.set(dataset, address.replace("rain.csv", "rain.json"), Duration.ofHours(1));
        round();
        assertThat(source().lastError()).isNull();
        assertThat(versions()).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);

        // the same records, without a validator from the server: the same CSV, so no version
        json.set(json.get().replace("\n", " "));
        round();
        assertThat(versions()).isEqualTo(1);
        assertThat(source().lastSuccessAt()).isNotNull();

        json.set("{\"result\": {\"records\": [{\"station\": \"Changi\", \"rain_mm\": 12.5}, "
                + "{\"station\": \"Newton\", \"rain_mm\": 8}, {\"station\": \"Seletar\", \"rain_mm\": 3.25}]}}");
        round();
        assertThat(versions()).isEqualTo(2);
        assertThat(rows()).isEqualTo(3);

        json.set("{\"error\": \"quota exceeded\"}");
        round();
        assertThat(source().lastError()).isEqualTo("import.error.json");
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void a_failing_source_is_fetched_less_and_less_often_up_to_a_day() {
        org.openplaza.catalog.DatasetSource quarter = source(Duration.ofMinutes(15), 0);
        assertThat(quarter.nextWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(source(Duration.ofMinutes(15), 3).nextWait()).isEqualTo(Duration.ofHours(2));
        assertThat(source(Duration.ofMinutes(15), 7).nextWait()).isEqualTo(Duration.ofDays(1));
        assertThat(source(Duration.ofMinutes(15), 40).nextWait()).isEqualTo(Duration.ofDays(1));
        assertThat(source(Duration.ofDays(7), 5).nextWait())
                .as("a rhythm longer than a day is kept")
                .isEqualTo(Duration.ofDays(7));
    }

    /** A source fetched this often that has failed this many times in a row. */
    private org.openplaza.catalog.DatasetSource source(Duration every, int failures) {
        return new org.openplaza.catalog.DatasetSource(
                1,
                address,
                every,
                "x",
                null,
                null,
                java.time.Instant.EPOCH,
                null,
                null,
                null,
                null,
                List.of(),
                failures);
    }

    @Test
    void a_server_gone_a_changed_layout_and_a_refused_file_leave_the_current_version_live() throws Exception {
        sources.set(dataset, address, Duration.ofHours(1));
        round();
        assertThat(rows()).isEqualTo(2);

        body.set(SECOND);
        status.set(503);
        round();
        assertThat(source().lastError()).isEqualTo("fetch.error.status");
        assertThat(source().lastErrorArguments()).contains("503");
        assertThat(versions()).isEqualTo(1);

        status.set(200);
        body.set("station,rain_mm,wind_kmh\nChangi,12.5,10\n");
        round();
        assertThat(source().lastError()).isEqualTo("source.error.columns");
        assertThat(source().lastErrorArguments().get(0)).contains("wind_kmh");
        assertThat(source().failures()).isEqualTo(2);
        assertThat(rows()).isEqualTo(2);
        assertThat(Duration.between(source().lastAttemptAt(), source().nextDueAt()))
                .as("after one failure, the next fetch waits twice the hour")
                .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        assertThat(source().nextWait()).as("and after two, four hours").isEqualTo(Duration.ofHours(4));

        body.set("");
        round();
        assertThat(source().lastError()).isEqualTo("import.error.empty");
        assertThat(versions()).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);

        server.stop(0);
        round();
        assertThat(source().lastError()).isEqualTo("fetch.error.unreachable");
        assertThat(source().lastSuccessAt()).isBefore(source().lastAttemptAt());
        assertThat(rows()).isEqualTo(2);

        assertThat(failures.seen)
                .filteredOn(f -> f.datasetId() == dataset)
                .hasSize(4)
                .allSatisfy(f -> assertThat(f.owner()).isEqualTo("source-official"))
                .extracting(ScheduledSources.SourceFailed::messageKey)
                .first()
                .isEqualTo("fetch.error.status");
    }

    @Test
    void a_publisher_who_leaves_the_organisation_no_longer_refreshes_it() throws Exception {
        sources.set(dataset, address, Duration.ofHours(1));
        TestCallers.signIn("root", "ADMIN");
        publishing.removeMember(organisation, "source-official");
        round();
        assertThat(source().lastError()).isNotNull();
        assertThat(versions()).isZero();
    }

    @Test
    void only_the_datasets_publishers_set_a_source_and_only_to_addresses_allowed() {
        TestCallers.signIn("source-outsider", "OFFICIAL");
        assertThatThrownBy(() -> sources.set(dataset, address, Duration.ofHours(1)))
                .isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("visitor", "CITIZEN");
        assertThatThrownBy(() -> sources.set(dataset, address, Duration.ofHours(1)))
                .isInstanceOf(AccessDeniedException.class);

        TestCallers.signIn("source-official", "OFFICIAL");
        for (String refused : List.of("file:///etc/passwd", "gopher://localhost/")) {
            assertThatThrownBy(() -> sources.set(dataset, refused, Duration.ofHours(1)))
                    .as(refused)
                    .isInstanceOf(CatalogException.class)
                    .extracting(e -> ((CatalogException) e).messageKey())
                    .isEqualTo("fetch.error.scheme");
        }
        assertThatThrownBy(() -> sources.set(dataset, address, Duration.ofMinutes(1)))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).messageKey())
                .isEqualTo("source.error.every");

        // this machine by its address, which is not allowed to be internal: refused when set
        String loopback = "http://127.0.0.1:" + server.getAddress().getPort() + "/rain.csv";
        assertThatThrownBy(() -> sources.set(dataset, loopback, Duration.ofHours(1)))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).messageKey())
                .isEqualTo("fetch.error.internal");
        // and reached by a redirect from an allowed name: set, but never fetched
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", loopback);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        sources.set(dataset, "http://localhost:" + server.getAddress().getPort() + "/moved", Duration.ofHours(1));
        assertThat(sources.refreshNow(dataset)).isEqualTo(Outcome.FAILED);
        assertThat(source().lastError()).isEqualTo("fetch.error.internal");
        assertThat(versions()).isZero();
        assertThat(fetches.get()).isZero();
    }
}

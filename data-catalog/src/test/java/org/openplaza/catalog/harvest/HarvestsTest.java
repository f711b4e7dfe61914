package org.openplaza.catalog.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.HarvestRun;
import org.openplaza.catalog.HarvestSource;
import org.openplaza.catalog.Harvests;
import org.openplaza.catalog.Provenance;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.publishing.TestCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Harvesting a CKAN portal and a DCAT-AP catalogue served from this machine, which add, change and
 * drop records between runs: each run's report, the datasets mirrored with their provenance, the
 * CSV files imported, and what a run that fails or is cancelled leaves alone.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.name=committing-harvests-test",
            "openplaza.fetch.internal-hosts-allowed=localhost"
        })
class HarvestsTest {

    @Autowired
    Harvests harvests;

    @Autowired
    PublishingService publishing;

    @Autowired
    DatasetReader reader;

    @Autowired
    DSLContext db;

    HttpServer server;
    String base;
    long organisation;

    /** The other portal's packages, by id, as package_search gives them. */
    final Map<String, String> packages = new ConcurrentHashMap<>();

    final Map<String, String> files = new ConcurrentHashMap<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger contextsAsked = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile String catalogue = "";

    @BeforeEach
    void another_portal() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/3/action/package_search", exchange -> {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String query = exchange.getRequestURI().getQuery();
            int start = Integer.parseInt(query.replaceFirst(".*start=(\\d+).*", "$1"));
            int rows = Integer.parseInt(query.replaceFirst(".*rows=(\\d+).*", "$1"));
            List<String> sorted = new ArrayList<>(new java.util.TreeMap<>(packages).values());
            String page = String.join(
                    ",", sorted.subList(Math.min(start, sorted.size()), Math.min(start + rows, sorted.size())));
            send(
                    exchange,
                    "application/json",
                    "{\"success\": true, \"result\": {\"count\": " + sorted.size() + ", \"results\": [" + page + "]}}");
        });
        server.createContext("/files/", exchange -> {
            String file = files.get(exchange.getRequestURI().getPath().substring("/files/".length()));
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            } else {
                send(exchange, "text/csv", file);
            }
        });
        server.createContext("/catalog.ttl", exchange -> send(exchange, "text/turtle", catalogue));
        server.createContext("/context.jsonld", exchange -> {
            contextsAsked.incrementAndGet();
            send(exchange, "application/ld+json", "{\"@context\": {}}");
        });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
        TestCallers.signIn("root", "ADMIN");
        organisation =
                publishing.createOrganisation("Harvested " + System.nanoTime()).id();
        TestCallers.userOnce(db, "harvest-admin");
        db.mergeInto(org.openplaza.db.accounts.Tables.USER_ROLE)
                .using(db.selectOne())
                .on(org.openplaza.db.accounts.Tables.USER_ROLE
                        .USER_ID
                        .eq(userId("harvest-admin"))
                        .and(org.openplaza.db.accounts.Tables.USER_ROLE.ROLE_NAME.eq("ADMIN")))
                .whenNotMatchedThenInsert(
                        org.openplaza.db.accounts.Tables.USER_ROLE.USER_ID,
                        org.openplaza.db.accounts.Tables.USER_ROLE.ROLE_NAME)
                .values(userId("harvest-admin"), "ADMIN")
                .execute();
        TestCallers.signIn("harvest-admin", "ADMIN");
    }

    private long userId(String username) {
        return db.select(org.openplaza.db.accounts.Tables.APP_USER.ID)
                .from(org.openplaza.db.accounts.Tables.APP_USER)
                .where(org.openplaza.db.accounts.Tables.APP_USER.USERNAME.eq(username))
                .fetchSingle(org.openplaza.db.accounts.Tables.APP_USER.ID);
    }

    private void send(com.sun.net.httpserver.HttpExchange exchange, String type, String body)
            throws java.io.IOException {
        if (status.get() != 200) {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        hold.countDown();
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    /** A package as CKAN gives it, with a resource when a file is named. */
    private void pkg(String id, String name, String title, String licence, String file) {
        String resources = file == null
                ? ""
                : "{\"name\": \"data\", \"format\": \"CSV\", \"url\": \"" + base + "/files/" + file + "\"}";
        packages.put(id, """
                {"id": "%s", "name": "%s", "title": "%s", "notes": "About %s.", "state": "active",
                 "license_id": "%s", "tags": [{"name": "harvested"}], "num_tags": 1, "tracking_summary": {"total": %d},
                 "resources": [%s]}
                """.formatted(id, name, title, title, licence, System.nanoTime(), resources));
    }

    private DatasetPage mirrorOf(HarvestSource source, String originalId) {
        var mirrored =
                new HarvestRepository(db).mirrored(source.id(), originalId).orElseThrow();
        return reader.byId(mirrored.datasetId()).orElseThrow();
    }

    @Test
    void a_ckan_portal_is_mirrored_and_followed_through_new_changed_and_dropped_records() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        files.put("rain.csv", "station,rain_mm\nChangi,12.5\nNewton,8\n");
        pkg("r1", "rain-" + suffix, "Rainfall " + suffix, "CC-BY-4.0", "rain.csv");
        pkg("s1", "stops-" + suffix, "Bus stops " + suffix, "odc-odbl", null);
        pkg("u1", "unknown-" + suffix, "Unknown licence " + suffix, "cc-by", null);
        HarvestSource source = harvests.add(
                "City portal",
                base + "/api/3/action/package_list",
                HarvestSource.Kind.CKAN,
                organisation,
                true,
                Duration.ofDays(1));
        assertThat(source.url()).as("the portal's root is kept").isEqualTo(base);

        HarvestRun first = harvests.harvestNow(source.id());
        assertThat(first.state()).isEqualTo(HarvestRun.State.DONE);
        assertThat(List.of(first.total(), first.done(), first.created(), first.failed()))
                .containsExactly(3, 3, 2, 1);
        assertThat(harvests.problems(first.id())).singleElement().satisfies(p -> {
            assertThat(p.originalId()).isEqualTo("u1");
            assertThat(p.messageKey()).isEqualTo("harvest.problem.licence");
            assertThat(p.arguments()).containsExactly("cc-by");
        });
        DatasetPage rain = mirrorOf(source, "r1");
        assertThat(rain.published()).isTrue();
        assertThat(rain.slug()).as("the name it has there").isEqualTo("rain-" + suffix);
        assertThat(rain.rows()).as("its CSV imported").isEqualTo(2);
        DatasetPage stops = mirrorOf(source, "s1");
        assertThat(stops.published())
                .as("a record without a file is published as a record")
                .isTrue();
        assertThat(stops.currentVersionId()).isNull();
        assertThat(stops.metadata().licence()).isEqualTo("ODbL-1.0");
        Provenance provenance = harvests.provenanceOf(rain.id()).orElseThrow();
        assertThat(provenance.sourceTitle()).isEqualTo("City portal");
        assertThat(provenance.originalId()).isEqualTo("r1");
        assertThat(provenance.originalUrl()).isEqualTo(base + "/dataset/rain-" + suffix);
        assertThat(provenance.links()).extracting(Provenance.Link::url).containsExactly(base + "/files/rain.csv");

        // the same records again (their view counts changed): nothing to do
        pkg("s1", "stops-" + suffix, "Bus stops " + suffix, "odc-odbl", null);
        HarvestRun second = harvests.harvestNow(source.id());
        assertThat(List.of(second.created(), second.updated(), second.unchanged(), second.removed(), second.failed()))
                .containsExactly(0, 0, 2, 0, 1);

        // a title changes, a new file comes, a record goes
        files.put("rain2.csv", "station,rain_mm\nChangi,12.5\nNewton,8\nSeletar,3\n");
        pkg("r1", "rain-" + suffix, "Rainfall, daily " + suffix, "CC-BY-4.0", "rain2.csv");
        packages.remove("s1");
        HarvestRun third = harvests.harvestNow(source.id());
        assertThat(List.of(third.created(), third.updated(), third.unchanged(), third.removed()))
                .containsExactly(0, 1, 0, 1);
        rain = mirrorOf(source, "r1");
        assertThat(rain.metadata().title()).isEqualTo("Rainfall, daily " + suffix);
        assertThat(rain.rows()).isEqualTo(3);
        assertThat(mirrorOf(source, "s1").state()).isEqualTo("WITHDRAWN");
        assertThat(harvests.provenanceOf(stops.id()).orElseThrow().removedAt()).isNotNull();

        // it comes back
        pkg("s1", "stops-" + suffix, "Bus stops " + suffix, "odc-odbl", null);
        HarvestRun fourth = harvests.harvestNow(source.id());
        assertThat(fourth.updated()).isEqualTo(1);
        assertThat(mirrorOf(source, "s1").published()).isTrue();
        assertThat(harvests.runs(source.id(), 10)).hasSize(4);
    }

    @Test
    void a_run_that_cannot_read_the_listing_fails_and_removes_nothing() throws Exception {
        pkg("k1", "kept-" + System.nanoTime(), "Kept record", "CC0-1.0", null);
        HarvestSource source =
                harvests.add("Flaky", base, HarvestSource.Kind.CKAN, organisation, false, Duration.ofHours(1));
        assertThat(harvests.harvestNow(source.id()).created()).isEqualTo(1);

        status.set(500);
        HarvestRun failed = harvests.harvestNow(source.id());
        assertThat(failed.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(failed.error()).startsWith("fetch.error");
        assertThat(failed.removed()).isZero();
        assertThat(mirrorOf(source, "k1").published()).isTrue();
    }

    @Test
    void a_bad_csv_file_fails_its_record_and_the_next_run_tries_it_again() throws Exception {
        files.put("bad.csv", "");
        pkg("b1", "bad-" + System.nanoTime(), "Bad file", "CC0-1.0", "bad.csv");
        HarvestSource source =
                harvests.add("Bad", base, HarvestSource.Kind.CKAN, organisation, true, Duration.ofHours(1));
        HarvestRun first = harvests.harvestNow(source.id());
        assertThat(first.failed()).isEqualTo(1);
        assertThat(harvests.problems(first.id())).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("harvest.problem.csv");
            assertThat(p.arguments().get(0)).endsWith("/files/bad.csv");
        });
        assertThat(mirrorOf(source, "b1").published())
                .as("the record is mirrored all the same")
                .isTrue();

        files.put("bad.csv", "a,b\n1,2\n");
        HarvestRun second = harvests.harvestNow(source.id());
        assertThat(second.updated()).isEqualTo(1);
        assertThat(mirrorOf(source, "b1").rows()).isEqualTo(1);
    }

    @Test
    void a_cancelled_run_stops_between_records_and_removes_nothing() throws Exception {
        pkg("c1", "c1-" + System.nanoTime(), "First record", "CC0-1.0", null);
        HarvestSource source =
                harvests.add("Slow", base, HarvestSource.Kind.CKAN, organisation, false, Duration.ofHours(1));
        harvests.harvestNow(source.id());
        packages.clear();
        pkg("c2", "c2-" + System.nanoTime(), "Second record", "CC0-1.0", null);

        hold = new CountDownLatch(1);
        HarvestRun started = harvests.start(source.id());
        assertThat(started.running()).isTrue();
        assertThatThrownBy(() -> harvests.start(source.id()))
                .as("one run of a source at a time")
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("harvest.error.running");
        assertThat(harvests.cancel(started.id())).isTrue();
        hold.countDown();
        HarvestRun ended = awaitEnd(started.id());
        assertThat(ended.state()).isEqualTo(HarvestRun.State.CANCELLED);
        assertThat(ended.created()).isZero();
        assertThat(ended.removed()).isZero();
        assertThat(mirrorOf(source, "c1").published()).isTrue();
        assertThat(harvests.source(source.id()).runningSince())
                .as("the source is free again")
                .isNull();
    }

    private HarvestRun awaitEnd(long runId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            HarvestRun run = harvests.run(runId).orElseThrow();
            if (!run.running()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not end");
    }

    @Test
    void a_dcat_catalogue_is_mirrored_and_its_remote_context_is_fetched_only_when_allowed() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        files.put("air.csv", "hour,pm25\n2026-12-01T00:00,12\n2026-12-01T01:00,15\n");
        catalogue = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <%1$s/dataset/air> a dcat:Dataset ;
                    dct:identifier "air-%2$s" ;
                    dct:title "Air quality %2$s" ;
                    dct:description "Hourly readings." ;
                    dct:license <https://creativecommons.org/publicdomain/zero/1.0/> ;
                    dcat:distribution [ a dcat:Distribution ; dcat:downloadURL <%1$s/files/air.csv> ;
                        dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ] .
                """.formatted(base, suffix);
        HarvestSource source = harvests.add(
                "City DCAT", base + "/catalog.ttl", HarvestSource.Kind.DCAT, organisation, true, Duration.ofHours(6));
        HarvestRun run = harvests.harvestNow(source.id());
        assertThat(run.created()).isEqualTo(1);
        assertThat(mirrorOf(source, "air-" + suffix).rows()).isEqualTo(2);

        // a JSON-LD document whose context is on an address the portal may not fetch
        String port = String.valueOf(server.getAddress().getPort());
        catalogue = "{\"@context\": \"http://127.0.0.1:" + port + "/context.jsonld\", \"@id\": \"x\"}";
        server.removeContext("/catalog.ttl");
        server.createContext("/catalog.ttl", exchange -> send(exchange, "application/ld+json", catalogue));
        HarvestRun refused = harvests.harvestNow(source.id());
        assertThat(refused.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(contextsAsked.get())
                .as("the internal address was never asked")
                .isZero();
        assertThat(mirrorOf(source, "air-" + suffix).published()).isTrue();
    }

    @Test
    void sources_are_for_administrators_and_internal_addresses_are_refused() {
        TestCallers.signIn("some-official", "OFFICIAL");
        assertThatThrownBy(() ->
                        harvests.add("Mine", base, HarvestSource.Kind.CKAN, organisation, false, Duration.ofHours(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> harvests.sources()).isInstanceOf(AccessDeniedException.class);
        TestCallers.anonymous();
        assertThatThrownBy(() -> harvests.harvestNow(1))
                .isInstanceOfAny(
                        AccessDeniedException.class,
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);

        TestCallers.signIn("harvest-admin", "ADMIN");
        String loopback = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/3/action";
        assertThatThrownBy(() -> harvests.add(
                        "Loopback", loopback, HarvestSource.Kind.CKAN, organisation, false, Duration.ofHours(1)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("fetch.error.internal");
        // a name that resolves to an internal address is refused when fetched
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", loopback);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        HarvestSource moved = harvests.add(
                "Moved", base + "/moved", HarvestSource.Kind.DCAT, organisation, false, Duration.ofHours(1));
        HarvestRun run = harvests.harvestNow(moved.id());
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).isEqualTo("fetch.error.internal");
        assertThatThrownBy(() -> harvests.add(
                        "Files",
                        "file:///etc/passwd",
                        HarvestSource.Kind.DCAT,
                        organisation,
                        false,
                        Duration.ofHours(1)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("fetch.error.scheme");
        assertThatThrownBy(() -> harvests.add(
                        "Often", base, HarvestSource.Kind.CKAN, organisation, false, Duration.ofMinutes(5)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("harvest.error.every");
    }
}

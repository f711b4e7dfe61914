package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.PushedRecords;
import org.openplaza.catalog.RowRequest;
import org.openplaza.catalog.StoreColumn;
import org.openplaza.catalog.UpsertMethod;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.datastore.DatasetStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Records pushed as CKAN's DataStore API pushes them. Each step commits, as in the portal, so
 * that the locks and caches a push relies on are the real ones.
 */
@SpringBootTest(properties = "spring.datasource.name=committing-publishing-test")
class PushedRecordsTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    PushedRecords pushed;

    @Autowired
    DatasetReader reader;

    @Autowired
    DatasetStore store;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    long dataset;

    static final List<PushedRecords.FieldSpec> FIELDS = List.of(
            new PushedRecords.FieldSpec("station", ValueType.TEXT, "Station"),
            new PushedRecords.FieldSpec("measured_at", ValueType.TIMESTAMP, "Measured at"),
            new PushedRecords.FieldSpec("pm10", ValueType.DECIMAL, "PM10 (µg/m³)"),
            new PushedRecords.FieldSpec("working", ValueType.BOOLEAN, "Working"));

    static final List<String> KEY = List.of("station", "measured_at");

    @BeforeEach
    void an_organisation_whose_sensors_push() {
        TestCallers.userOnce(db, "pushing-sensor");
        TestCallers.userOnce(db, "pushing-outsider");
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("Air " + System.nanoTime()).id();
        publishing.addMember(organisation, "pushing-sensor");
        TestCallers.signIn("pushing-sensor", "OFFICIAL");
        dataset = publishing.createDataset(TestDatasets.metadata(organisation, "Air quality, live"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static Map<String, Object> reading(String station, String at, Object pm10) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("station", station);
        record.put("measured_at", at);
        record.put("pm10", pm10);
        return record;
    }

    private static String reason(Throwable e) {
        return String.valueOf(((CatalogException) e).arguments().get(1));
    }

    private String tableOf(long version) {
        var v = org.openplaza.db.catalog.Tables.DATASET_VERSION;
        return db.select(v.STORE_TABLE).from(v).where(v.ID.eq(version)).fetchSingle(v.STORE_TABLE);
    }

    private List<Object[]> rows(long version) throws Exception {
        return reader.resourceRows(version, RowRequest.ALL, 0, 100);
    }

    @Test
    void a_live_table_keeps_its_rows_for_the_days_its_rule_says() throws Exception {
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
        long version = pushed.create(
                dataset,
                "readings",
                FIELDS,
                KEY,
                List.of(
                        reading("Jongno", now.minusDays(100).toString(), 41.5),
                        reading("Jongno", now.minusDays(91).toString(), 40),
                        reading("Jongno", now.minusDays(89).toString(), 39),
                        reading("Mapo", now.minusHours(1).toString(), 38)));
        assertThatThrownBy(() -> pushed.retain(version, "station", 90))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("datastore.error.retention-field");
        assertThatThrownBy(() -> pushed.retain(version, "measured_at", 0))
                .isInstanceOf(CatalogException.class)
                .hasMessage("datastore.error.retention-days");
        TestCallers.signIn("pushing-outsider", "OFFICIAL");
        assertThatThrownBy(() -> pushed.retain(version, "measured_at", 90))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> pushed.retentionColumns(version))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestCallers.signIn("pushing-sensor", "OFFICIAL");
        pushed.retain(version, "measured_at", 90);
        assertThat(pushed.retention(version)).contains(new org.openplaza.catalog.RetentionRule("measured_at", 90));
        assertThat(pushed.retentionColumns(version)).containsExactly("measured_at");

        SecurityContextHolder.clearContext();
        assertThat(pushed.expireDue())
                .as("as the schedule runs it, signed in as nobody")
                .isGreaterThanOrEqualTo(2);
        TestCallers.signIn("pushing-sensor", "OFFICIAL");
        assertThat(rows(version)).extracting(r -> r[1]).containsExactly(now.minusDays(89), now.minusHours(1));
        assertThat(reader.byId(dataset).orElseThrow().rows()).isEqualTo(2);

        pushed.retain(version, null, null);
        assertThat(pushed.retention(version)).isEmpty();
        pushed.upsert(version, List.of(reading("Mapo", now.minusDays(400).toString(), 1)), UpsertMethod.INSERT);
        SecurityContextHolder.clearContext();
        pushed.expireDue();
        TestCallers.signIn("pushing-sensor", "OFFICIAL");
        assertThat(rows(version)).as("no rule, nothing expires").hasSize(3);
    }

    @Test
    void a_live_table_takes_inserts_updates_upserts_and_deletes() throws Exception {
        long version = pushed.create(
                dataset,
                "readings",
                FIELDS,
                KEY,
                List.of(reading("Jongno", "2026-12-02T05:00:00", 41.5), reading("Mapo", "2026-12-02T05:00:00", 38)));
        assertThat(reader.byId(dataset).orElseThrow().currentVersionId()).isEqualTo(version);
        assertThat(reader.byId(dataset).orElseThrow().rows()).isEqualTo(2);

        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("station", "Jongno");
        partial.put("measured_at", "2026-12-02T14:00:00+09:00");
        partial.put("working", false);
        PushedRecords.Pushed upserted = pushed.upsert(
                version, List.of(partial, reading("Jongno", "2026-12-02T06:00:00", "44.25")), UpsertMethod.UPSERT);
        assertThat(upserted.changed()).isEqualTo(2);
        assertThat(upserted.rows()).isEqualTo(3);
        List<Object[]> rows = rows(version);
        assertThat(rows).hasSize(3);
        // the offset time is the same instant in UTC, so the row is found and only "working" changes
        assertThat(rows.get(0))
                .containsExactly("Jongno", LocalDateTime.parse("2026-12-02T05:00"), new BigDecimal("41.500000"), false);
        assertThat(rows.get(2)[2]).isEqualTo(new BigDecimal("44.250000"));

        PushedRecords.Pushed deleted = pushed.delete(version, Map.of("station", "Jongno"));
        assertThat(deleted.changed()).isEqualTo(2);
        assertThat(rows(version)).extracting(r -> r[0]).containsExactly("Mapo");
        assertThat(reader.byId(dataset).orElseThrow().rows()).isEqualTo(1);
        // the column figures read every row: computed off the push's path, they follow within seconds
        SecurityContext caller = SecurityContextHolder.getContext();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    SecurityContextHolder.setContext(caller);
                    assertThat(publishing.columns(dataset).get(0).distinct()).isEqualTo(1L);
                    assertThat(publishing.columns(dataset).get(2).max()).isEqualTo("38.000000");
                });
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.catalog.CatalogSearch search;

    @Test
    void the_catalogue_shows_a_published_live_tables_rows_soon_after_each_push() throws Exception {
        long version = pushed.create(
                dataset, "readings", FIELDS, KEY, List.of(reading("Jongno", "2026-12-02T05:00:00", 41.5)));
        publishing.publish(dataset);
        String title = reader.byId(dataset).orElseThrow().metadata().title();
        for (int hour = 6; hour < 10; hour++) {
            pushed.upsert(
                    version,
                    List.of(reading("Jongno", "2026-12-02T0" + hour + ":00:00", 40 + hour)),
                    UpsertMethod.INSERT);
        }
        // pushes are indexed a second later, together: the count comes to the rows there are
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(search.search(new org.openplaza.catalog.SearchRequest(
                                        "\"" + title + "\"",
                                        Map.of(),
                                        org.openplaza.catalog.SearchRequest.Order.RELEVANCE,
                                        0,
                                        50))
                                .hits())
                        .filteredOn(hit -> hit.id() == dataset)
                        .singleElement()
                        .extracting(org.openplaza.catalog.SearchResult.Hit::rows)
                        .isEqualTo(5L));
    }

    @Test
    void a_bad_record_refuses_its_whole_batch_with_its_index() throws Exception {
        long version = pushed.create(
                dataset, "readings", FIELDS, KEY, List.of(reading("Jongno", "2026-12-02T05:00:00", 41.5)));
        String table = tableOf(version);

        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(reading("Mapo", "2026-12-02T05:00:00", 12));
        batch.add(reading("Jung", "2026-12-02T05:00:00", 13));
        batch.add(reading("Gangnam", "yesterday", 14));
        assertThatThrownBy(() -> pushed.upsert(version, batch, UpsertMethod.UPSERT))
                .isInstanceOf(CatalogException.class)
                .satisfies(e ->
                        assertThat(((CatalogException) e).arguments()).first().isEqualTo(2))
                .satisfies(e -> assertThat(reason(e)).contains("measured_at"));
        assertThatThrownBy(() -> pushed.upsert(
                        version,
                        List.of(
                                reading("Mapo", "2026-12-02T05:00:00", 12),
                                reading("Jongno", "2026-12-02T05:00:00", 1)),
                        UpsertMethod.INSERT))
                .isInstanceOf(CatalogException.class)
                .satisfies(e ->
                        assertThat(((CatalogException) e).arguments()).first().isEqualTo(1))
                .satisfies(e -> assertThat(reason(e)).contains("there already"));
        assertThatThrownBy(() -> pushed.upsert(
                        version, List.of(reading("Mapo", "2026-12-02T05:00:00", 12)), UpsertMethod.UPDATE))
                .satisfies(e -> assertThat(reason(e)).contains("no row has its key"));
        assertThatThrownBy(() -> pushed.upsert(
                        version,
                        List.of(reading("Mapo", "2026-12-02T05:00:00", 12), reading("Mapo", "2026-12-02T05:00:00", 13)),
                        UpsertMethod.UPSERT))
                .satisfies(e -> assertThat(reason(e)).contains("earlier record"));
        Map<String, Object> stranger = reading("Mapo", "2026-12-02T05:00:00", 12);
        stranger.put("pm25", 3);
        assertThatThrownBy(() -> pushed.upsert(version, List.of(stranger), UpsertMethod.UPSERT))
                .satisfies(e -> assertThat(reason(e)).contains("pm25"));

        assertThat(rows(version)).hasSize(1);
        assertThat(tableOf(version)).isEqualTo(table);
        assertThat(store.tables()).noneMatch(t -> t.startsWith("staging_"));
    }

    @Test
    void a_key_there_already_at_the_end_of_a_long_batch_refuses_all_of_it() throws Exception {
        // new records are appended straight to the table, whose key the store then checks: the
        // store's appender keeps the first thousands of a batch whose last key is there already
        // unless the whole append is one transaction that is found aborted before it commits
        long version = pushed.create(
                dataset, "readings", FIELDS, KEY, List.of(reading("Jongno", "2026-12-02T05:00:00", 41.5)));
        pushed.upsert(version, List.of(reading("Mapo", "2026-12-02T05:00:00", 1)), UpsertMethod.INSERT);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int minute = 0; minute < 5_000; minute++) {
            batch.add(reading(
                    "Jung",
                    LocalDateTime.parse("2026-12-02T06:00").plusMinutes(minute).toString(),
                    2));
        }
        batch.add(reading("Jongno", "2026-12-02T05:00:00", 3));
        assertThatThrownBy(() -> pushed.upsert(version, batch, UpsertMethod.INSERT))
                .isInstanceOf(CatalogException.class)
                .satisfies(e ->
                        assertThat(((CatalogException) e).arguments()).first().isEqualTo(5_000))
                .satisfies(e -> assertThat(reason(e)).contains("there already"));
        assertThat(reader.byId(dataset).orElseThrow().rows()).isEqualTo(2);
        assertThat(store.count(tableOf(version))).isEqualTo(2);
        // the same batch as an upsert changes the row there and adds the others
        PushedRecords.Pushed upserted = pushed.upsert(version, batch, UpsertMethod.UPSERT);
        assertThat(upserted.rows()).isEqualTo(5_002);
        assertThat(store.count(tableOf(version))).isEqualTo(5_002);
        assertThat(rows(version).get(0)[2]).isEqualTo(new BigDecimal("3.000000"));
        // and new records after it are appended again
        assertThat(pushed.upsert(version, List.of(reading("Mapo", "2026-12-03T05:00:00", 4)), UpsertMethod.UPSERT)
                        .rows())
                .isEqualTo(5_003);
    }

    @Test
    void rows_recorded_wrongly_in_the_portals_database_neither_lose_nor_double_a_push() throws Exception {
        // an append checks the table's count against the rows the portal's database recorded; an
        // insider (or a crash between the two commits) leaves that figure wrong
        long version = pushed.create(
                dataset, "readings", FIELDS, KEY, List.of(reading("Jongno", "2026-12-02T05:00:00", 41.5)));
        var v = org.openplaza.db.catalog.Tables.DATASET_VERSION;
        for (long recorded : new long[] {0, 7, 1_000_000}) {
            db.update(v).set(v.ROW_COUNT, recorded).where(v.ID.eq(version)).execute();
            String at = LocalDateTime.parse("2026-12-02T06:00")
                    .plusMinutes(recorded % 997)
                    .toString();
            PushedRecords.Pushed done = pushed.upsert(
                    version, List.of(reading("Mapo", at, 1), reading("Jung", at, 2)), UpsertMethod.INSERT);
            long there = store.count(tableOf(version));
            assertThat(done.rows()).isEqualTo(there);
            assertThat(db.select(v.ROW_COUNT).from(v).where(v.ID.eq(version)).fetchSingle(v.ROW_COUNT))
                    .isEqualTo(there);
        }
        assertThat(store.count(tableOf(version))).isEqualTo(7);
    }

    @Test
    void a_dropped_table_takes_nothing_until_it_is_made_again_with_new_fields() throws Exception {
        long version = pushed.create(
                dataset, "readings", FIELDS, KEY, List.of(reading("Jongno", "2026-12-02T05:00:00", 41.5)));
        pushed.upsert(version, List.of(reading("Mapo", "2026-12-02T05:00:00", 1)), UpsertMethod.INSERT);
        pushed.retain(version, "measured_at", 90);
        List<PushedRecords.FieldSpec> gauges = List.of(
                new PushedRecords.FieldSpec("gauge", ValueType.TEXT, "Gauge"),
                new PushedRecords.FieldSpec("read_on", ValueType.DATE, "Read on"),
                new PushedRecords.FieldSpec("level_cm", ValueType.INTEGER, "Level (cm)"));
        List<String> gaugeKey = List.of("gauge", "read_on");
        assertThatThrownBy(() -> pushed.remake(version, gauges, gaugeKey, List.of()))
                .as("a table that is there keeps its fields")
                .hasMessage("datastore.error.fields-fixed");
        TestCallers.signIn("pushing-outsider", "OFFICIAL");
        assertThatThrownBy(() -> pushed.drop(version)).isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("pushing-sensor", "OFFICIAL");

        assertThat(pushed.drop(version).rows()).isZero();
        assertThat(reader.resource(version).orElseThrow().active()).isFalse();
        assertThat(publishing.versions(dataset).get(0).tableDropped()).isTrue();
        assertThat(store.count(tableOf(version))).isZero();
        assertThat(pushed.retention(version)).isEmpty();
        assertThatThrownBy(() ->
                        pushed.upsert(version, List.of(reading("Mapo", "2026-12-02T06:00:00", 1)), UpsertMethod.INSERT))
                .hasMessage("datastore.error.dropped");
        assertThatThrownBy(() -> pushed.drop(version)).hasMessage("datastore.error.dropped");
        TestCallers.signIn("pushing-outsider", "OFFICIAL");
        assertThatThrownBy(() -> pushed.remake(version, gauges, gaugeKey, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("pushing-sensor", "OFFICIAL");

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("gauge", "G1");
        first.put("read_on", "2026-12-03");
        first.put("level_cm", 140);
        pushed.remake(version, gauges, gaugeKey, List.of(first));
        var resource = reader.resource(version).orElseThrow();
        assertThat(resource.active()).isTrue();
        assertThat(resource.columns()).extracting(StoreColumn::name).containsExactly("gauge", "read_on", "level_cm");
        assertThat(resource.labels()).containsExactly("Gauge", "Read on", "Level (cm)");
        assertThat(pushed.retention(version)).as("by a column it no longer has").isEmpty();
        // the next push goes by the new fields and key, not by what was read of the old table
        Map<String, Object> next = new LinkedHashMap<>(first);
        next.put("read_on", "2026-12-04");
        next.put("level_cm", 150);
        assertThat(pushed.upsert(version, List.of(next), UpsertMethod.INSERT).rows())
                .isEqualTo(2);
        Map<String, Object> changed = new LinkedHashMap<>(first);
        changed.put("level_cm", 145);
        pushed.upsert(version, List.of(changed), UpsertMethod.UPSERT);
        assertThat(rows(version)).extracting(r -> r[2]).containsExactly(145L, 150L);
        assertThatThrownBy(() ->
                        pushed.upsert(version, List.of(reading("Mapo", "2026-12-02T06:00:00", 1)), UpsertMethod.INSERT))
                .satisfies(e -> assertThat(reason(e)).contains("station"));
    }

    @Test
    void concurrent_pushes_to_one_table_each_keep_their_records() throws Exception {
        long version = pushed.create(dataset, "readings", FIELDS, KEY, List.of());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<PushedRecords.Pushed>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String station = "station-" + t;
                Callable<PushedRecords.Pushed> push = () -> {
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    try {
                        return pushed.upsert(
                                version, List.of(reading(station, "2026-12-02T05:00:00", 1)), UpsertMethod.UPSERT);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                done.add(threads.submit(push));
            }
            for (Future<PushedRecords.Pushed> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(rows(version)).hasSize(8);
    }

    @Test
    void only_live_versions_take_records_and_only_from_their_publishers() throws Exception {
        Path file = Files.writeString(dir.resolve("fixed.csv"), "station,pm10\nJongno,40\n");
        long fixed = TestDatasets.imported(
                publishing, TestDatasets.metadata(publishing.metadata(dataset).organisationId(), "Fixed"), file, false);
        long fixedVersion = publishing.versions(fixed).get(0).id();
        assertThatThrownBy(() -> pushed.upsert(fixedVersion, List.of(Map.of("station", "Mapo")), UpsertMethod.INSERT))
                .isInstanceOf(CatalogException.class)
                .extracting("messageKey")
                .isEqualTo("datastore.error.not-live");

        long version = pushed.create(dataset, "readings", FIELDS, KEY, List.of());
        TestCallers.signIn("pushing-outsider", "OFFICIAL");
        assertThatThrownBy(() ->
                        pushed.upsert(version, List.of(reading("Mapo", "2026-12-02T05:00:00", 1)), UpsertMethod.UPSERT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pushed.delete(version, Map.of())).isInstanceOf(AccessDeniedException.class);
        TestCallers.signIn("citizen", "CITIZEN");
        assertThatThrownBy(() -> pushed.create(dataset, "x", FIELDS, KEY, List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void fields_the_store_cannot_hold_are_refused_before_anything_is_made() {
        assertThatThrownBy(() -> pushed.create(
                        dataset,
                        "readings",
                        List.of(new PushedRecords.FieldSpec("Station Name", ValueType.TEXT, "x")),
                        List.of(),
                        List.of()))
                .extracting("messageKey")
                .isEqualTo("datastore.error.field-name");
        assertThatThrownBy(() -> pushed.create(dataset, "readings", FIELDS, List.of("nowhere"), List.of()))
                .extracting("messageKey")
                .isEqualTo("datastore.error.key-field");
        assertThatThrownBy(() -> PushedRecords.typeOf("geometry"))
                .extracting("messageKey")
                .isEqualTo("datastore.error.field-type");
        assertThat(reader.byId(dataset).orElseThrow().currentVersionId()).isNull();
    }
}

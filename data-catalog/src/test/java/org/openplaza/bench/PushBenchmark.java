package org.openplaza.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.DSLContext;
import org.openplaza.CatalogTestApplication;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.PushedRecords;
import org.openplaza.catalog.UpsertMethod;
import org.openplaza.catalog.ValueType;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.publishing.TestCallers;
import org.openplaza.catalog.publishing.TestDatasets;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run by bench/push: sensor readings pushed into a live table as CKAN's {@code datastore_upsert}
 * pushes them (through {@link PushedRecords}, with its access checks, key checks, atomic batches
 * and new figures), in batches of 1,000 new records, then three batches of 1,000 updates; beside the
 * same records appended with DuckDB's own appender, a batch at a time, in the same run, to a table
 * of the same types and key and to one without a key. Prints records per second, the batches'
 * times (a push that slows as the table grows shows in the last) and the ratios. Not a test.
 */
public final class PushBenchmark {

    static final int BATCH = 1_000;

    private PushBenchmark() {}

    static final List<PushedRecords.FieldSpec> FIELDS = List.of(
            new PushedRecords.FieldSpec("station", ValueType.TEXT, "Station"),
            new PushedRecords.FieldSpec("measured_at", ValueType.TIMESTAMP, "Measured at"),
            new PushedRecords.FieldSpec("pm10", ValueType.DECIMAL, "PM10 (µg/m³)"),
            new PushedRecords.FieldSpec("working", ValueType.BOOLEAN, "Working"));

    static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    /** The n-th reading: 25 stations, one reading each a minute. */
    static Map<String, Object> reading(long n, double pm10) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("station", "station-" + (n % 25));
        record.put("measured_at", START.plusMinutes(n / 25).toString());
        record.put("pm10", pm10);
        record.put("working", n % 97 != 0);
        return record;
    }

    static List<Map<String, Object>> batch(long first, double pm10) {
        List<Map<String, Object>> records = new ArrayList<>(BATCH);
        for (long n = first; n < first + BATCH; n++) {
            records.add(reading(n, pm10 + n % 50));
        }
        return records;
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path work = Files.createTempDirectory("openplaza-push-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CatalogTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "openplaza.catalog.store-file=" + work.resolve("store.duckdb"),
                        "openplaza.catalog.originals-dir=" + work.resolve("originals"),
                        "logging.level.root=WARN")
                .run()) {
            PublishingService publishing = context.getBean(PublishingService.class);
            PushedRecords pushed = context.getBean(PushedRecords.class);
            DSLContext db = context.getBean(DSLContext.class);
            TestCallers.userOnce(db, "bench-sensor");
            TestCallers.signIn("bench", "ADMIN");
            long organisation =
                    publishing.createOrganisation("Air quality office").id();
            publishing.addMember(organisation, "bench-sensor");
            TestCallers.signIn("bench-sensor", "OFFICIAL");
            long dataset = publishing.createDataset(TestDatasets.metadata(organisation, "Air quality, live"));
            long version = pushed.create(dataset, "readings", FIELDS, List.of("station", "measured_at"), List.of());

            // one untimed batch each way: the JIT and the tables' first pages
            pushed.upsert(version, batch(-BATCH, 10), UpsertMethod.UPSERT);
            double[] push = new double[batches];
            for (int b = 0; b < batches; b++) {
                List<Map<String, Object>> records = batch((long) b * BATCH, 10);
                long start = System.nanoTime();
                pushed.upsert(version, records, UpsertMethod.UPSERT);
                push[b] = (System.nanoTime() - start) / 1e6;
            }
            // updates: the first after new records tries an append first, which finds a key there
            double[] update = new double[3];
            PushedRecords.Pushed updated = null;
            for (int u = 0; u < update.length; u++) {
                List<Map<String, Object>> changed = batch((long) (batches / 2 + u) * BATCH, 70);
                long start = System.nanoTime();
                updated = pushed.upsert(version, changed, UpsertMethod.UPSERT);
                update[u] = (System.nanoTime() - start) / 1e6;
            }

            DatasetStore store = context.getBean(DatasetStore.class);
            double[][] appended = appended(store, batches);
            print(batches, push, update, updated.rows(), appended[0], appended[1]);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The same records appended with DuckDB's appender to two tables of the store's types, a batch
     * at a time, the two taking turns so that neither runs in better conditions: one with the live
     * table's key (which the store checks at each append), one without. Returns their batches' times.
     */
    static double[][] appended(DatasetStore store, int batches) throws Exception {
        String[] tables = {"keyed_readings", "plain_readings"};
        double[][] ms = new double[2][batches];
        try (Connection direct = store.referenceConnection()) {
            try (var s = direct.createStatement()) {
                for (int t = 0; t < 2; t++) {
                    s.execute("CREATE TABLE " + tables[t] + " (station VARCHAR, measured_at TIMESTAMP,"
                            + " pm10 DECIMAL(38, 6), working BOOLEAN"
                            + (t == 0 ? ", PRIMARY KEY (station, measured_at)" : "") + ")");
                }
            }
            DuckDBConnection duck = direct.unwrap(DuckDBConnection.class);
            for (int b = -1; b < batches; b++) {
                for (int t = 0; t < 2; t++) {
                    long start = System.nanoTime();
                    try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, tables[t])) {
                        for (Map<String, Object> record : batch((long) b * BATCH, 10)) {
                            appender.beginRow();
                            appender.append((String) record.get("station"));
                            appender.append(LocalDateTime.parse((String) record.get("measured_at")));
                            appender.append(BigDecimal.valueOf((Double) record.get("pm10"))
                                    .setScale(6));
                            appender.append((Boolean) record.get("working"));
                            appender.endRow();
                        }
                    }
                    if (b >= 0) {
                        ms[t][b] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
        }
        return ms;
    }

    static void print(int batches, double[] push, double[] update, long rows, double[] keyed, double[] plain) {
        double pushRate = rate(push);
        System.out.printf(
                "%d batches of %,d new records pushed into a live table (%,d rows at the end)%n", batches, BATCH, rows);
        line("datastore_upsert (PushedRecords)", push);
        line("DuckDB appender, a table with the same key", keyed);
        line("DuckDB appender, a table without a key", plain);
        System.out.printf(
                "ratio to the appender into the same table, with its key (target at most 3x): %.1fx%n",
                rate(keyed) / pushRate);
        System.out.printf("ratio to the appender into a table without a key: %.1fx%n", rate(plain) / pushRate);
        System.out.printf(
                "batches of %,d updates by key into %,d rows: first %.1f ms (an append tried first), then %.1f and %.1f ms%n",
                BATCH, rows, update[0], update[1], update[2]);
    }

    static double rate(double[] ms) {
        return ms.length * (double) BATCH / (java.util.Arrays.stream(ms).sum() / 1000);
    }

    static void line(String what, double[] ms) {
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(
                "%-44s %,10.0f records/s   batches: first %6.1f ms, median %5.1f ms, 90th percentile %5.1f ms, last %5.1f ms%n",
                what, rate(ms), ms[0], sorted[sorted.length / 2], sorted[sorted.length * 9 / 10], ms[ms.length - 1]);
    }
}

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
 * same records appended to a table of the same types with DuckDB's own appender, a batch at a
 * time, in the same run. Prints records per second, the first and the last batches' times (a push
 * that slows as the table grows shows there) and the ratio. Not a test.
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

            double[] append = appended(context.getBean(DatasetStore.class), batches);
            print(batches, push, update, updated.rows(), append);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
    }

    /** The same records appended with DuckDB's appender to a table of the store's types, a batch at a time. */
    static double[] appended(DatasetStore store, int batches) throws Exception {
        double[] ms = new double[batches];
        try (Connection direct = store.referenceConnection()) {
            try (var s = direct.createStatement()) {
                s.execute("CREATE TABLE reference_readings (station VARCHAR, measured_at TIMESTAMP,"
                        + " pm10 DECIMAL(38, 6), working BOOLEAN)");
            }
            DuckDBConnection duck = direct.unwrap(DuckDBConnection.class);
            for (int b = -1; b < batches; b++) {
                long start = System.nanoTime();
                try (DuckDBAppender appender =
                        duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "reference_readings")) {
                    for (Map<String, Object> record : batch((long) b * BATCH, 10)) {
                        appender.beginRow();
                        appender.append((String) record.get("station"));
                        appender.append(LocalDateTime.parse((String) record.get("measured_at")));
                        appender.append(
                                BigDecimal.valueOf((Double) record.get("pm10")).setScale(6));
                        appender.append((Boolean) record.get("working"));
                        appender.endRow();
                    }
                }
                if (b >= 0) {
                    ms[b] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return ms;
    }

    static void print(int batches, double[] push, double[] update, long rows, double[] append) {
        double pushTotal = java.util.Arrays.stream(push).sum();
        double appendTotal = java.util.Arrays.stream(append).sum();
        double pushRate = batches * (double) BATCH / (pushTotal / 1000);
        double appendRate = batches * (double) BATCH / (appendTotal / 1000);
        System.out.printf(
                "%d batches of %,d new records pushed into a live table (%,d rows at the end)%n", batches, BATCH, rows);
        System.out.printf(
                "%-44s %,12.0f records/s   first batch %8.1f ms   last batch %8.1f ms%n",
                "datastore_upsert (PushedRecords)", pushRate, push[0], push[batches - 1]);
        System.out.printf(
                "%-44s %,12.0f records/s   first batch %8.1f ms   last batch %8.1f ms%n",
                "DuckDB appender, same types and batches", appendRate, append[0], append[batches - 1]);
        System.out.printf("ratio (appender / upsert, target at most 3x): %.1fx%n", appendRate / pushRate);
        System.out.printf(
                "batches of %,d updates by key into %,d rows: first %.1f ms (an append tried first), then %.1f and %.1f ms%n",
                BATCH, rows, update[0], update[1], update[2]);
    }
}

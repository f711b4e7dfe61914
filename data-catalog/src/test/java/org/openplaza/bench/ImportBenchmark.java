package org.openplaza.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.openplaza.catalog.CsvAnalysis;
import org.openplaza.catalog.ImportMonitor;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ImportReport;
import org.openplaza.catalog.datastore.CatalogProperties;
import org.openplaza.catalog.datastore.DatasetStore;
import org.openplaza.catalog.importer.CsvAnalyzer;
import org.openplaza.catalog.importer.CsvLoader;

/**
 * Run by bench/import: the real import (encoding detection, whole-file type inference, DuckDB
 * appender load) against H2's CSVREAD and DuckDB's own read_csv on the same file. Not a test.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(
                    "%n== round %d of %d%s%n",
                    round,
                    rounds,
                    round == 1
                            ? " (cold JVM: the first import after start-up, JIT not yet warm)"
                            : " (steady state: a running portal's warm JIT; this is the figure that counts)");
            run(file);
        }
    }

    private static void run(Path file) throws Exception {
        Path work = Files.createTempDirectory("openplaza-bench");
        double megabytes = Files.size(file) / 1e6;
        System.out.printf(
                "file: %s (%.1f MB), max heap %d MB%n",
                file.getFileName(), megabytes, Runtime.getRuntime().maxMemory() >> 20);

        // the portal opens its store once, at start-up; the import is timed from an open store
        long opening = System.nanoTime();
        DatasetStore store = new DatasetStore(
                new CatalogProperties(work.resolve("store.duckdb").toString()));
        double opened = seconds(opening);
        resetPeaks();
        long start = System.nanoTime();
        CsvAnalysis analysis = CsvAnalyzer.analyze(file);
        double analysed = seconds(start);
        ImportReport report = CsvLoader.load(file, ImportPlan.asDetected(analysis), store, new ImportMonitor());
        double ours = seconds(start);
        long peak = peakHeapMegabytes();
        store.close();
        long rows = report.rows();
        System.out.printf(
                "  (store opened in %.2f s, not counted; first pass %.2f s, load %.2f s)%n",
                opened, analysed, ours - analysed);
        System.out.printf(
                "OpenPlaza import:  %8d rows in %6.2f s = %9.0f rows/s, %6.1f MB/s, peak heap %d MB%n",
                rows, ours, rows / ours, megabytes / ours, peak);

        start = System.nanoTime();
        long h2Rows;
        try (Connection h2 =
                        DriverManager.getConnection("jdbc:h2:file:" + work.resolve("h2") + ";DB_CLOSE_ON_EXIT=FALSE");
                Statement s = h2.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT * FROM CSVREAD('" + file + "', NULL, 'charset=UTF-8')");
            h2Rows = count(s, "SELECT COUNT(*) FROM t");
        }
        double h2 = seconds(start);
        System.out.printf("H2 CSVREAD:        %8d rows in %6.2f s = %9.0f rows/s%n", h2Rows, h2, h2Rows / h2);

        start = System.nanoTime();
        long duckRows;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("raw.duckdb"));
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + file + "', sample_size = -1)");
            duckRows = count(s, "SELECT COUNT(*) FROM t");
        }
        double duck = seconds(start);
        System.out.printf("DuckDB read_csv:   %8d rows in %6.2f s = %9.0f rows/s%n", duckRows, duck, duckRows / duck);

        System.out.printf("ratio to H2 CSVREAD:      %5.2fx (target at least 2x)%n", h2 / ours);
        System.out.printf("ratio to DuckDB read_csv: %5.2fx (target at least 0.5x)%n", duck / ours);
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

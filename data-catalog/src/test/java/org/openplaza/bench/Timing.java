package org.openplaza.bench;

import java.sql.Connection;
import java.util.Arrays;
import org.openplaza.catalog.datastore.DatasetStore;

/** What the benchmarks share: timing a call, its median and 95th percentile, and raw SQL on the store. */
final class Timing {

    private Timing() {}

    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    /** Milliseconds of each of {@code runs} calls after {@code warmUp} untimed ones, sorted. */
    static double[] time(Call call, int warmUp, int runs) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    static double p95(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    /**
     * The table the hand-typed reference SQL reads: the store's one dataset table when versions are
     * tables of the DuckDB file; when they are shared Parquet files, a copy of the version's rows
     * made a table of DuckDB on the reference connection, so that the figures show what reading
     * Parquet costs against the store of one node.
     */
    static String referenceTable(DatasetStore store, Connection direct) throws Exception {
        String table = store.tables().stream()
                .filter(t -> t.startsWith("ds_"))
                .findFirst()
                .orElseThrow();
        System.out.println(
                store.isShared()
                        ? "versions as Parquet files in a shared directory; reference: the same rows as a DuckDB table"
                        : "versions as tables of the DuckDB file; reference: the same table");
        if (!store.isShared()) {
            return table;
        }
        try (var s = direct.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE reference_rows AS SELECT * EXCLUDE (rowid) FROM "
                    + store.sqlSource(table) + " ORDER BY rowid");
        }
        return "reference_rows";
    }

    /** The store settings a benchmark runs with: {@code --shared} puts versions in Parquet files. */
    static String[] storeSettings(java.nio.file.Path work, boolean shared) {
        return shared
                ? new String[] {"openplaza.catalog.shared-store-dir=" + work.resolve("shared")}
                : new String[] {"openplaza.catalog.shared-store-dir="};
    }
}

package org.openplaza.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import org.openplaza.datastore.DatasetStore;

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
     * A connection of its own to the store's database instance (DuckDB lets one process open a
     * file once, so the store's connection is duplicated; reflection keeps that out of its API).
     */
    static Connection directConnection(DatasetStore store) throws Exception {
        java.lang.reflect.Field field = DatasetStore.class.getDeclaredField("connection");
        field.setAccessible(true);
        return ((org.duckdb.DuckDBConnection) field.get(store)).duplicate();
    }

    /** The one dataset table in the store. */
    static String storeTable(Connection direct) throws Exception {
        try (ResultSet tables = direct.createStatement()
                .executeQuery("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'ds_%'")) {
            tables.next();
            return tables.getString(1);
        }
    }
}

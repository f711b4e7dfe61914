package org.openplaza.bench;

import java.util.Arrays;

/** Timing a call: its median and 95th percentile over sorted runs. */
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
}

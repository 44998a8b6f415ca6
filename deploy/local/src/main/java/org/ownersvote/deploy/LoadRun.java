package org.ownersvote.deploy;

import java.util.Arrays;

/** One measured run of a load generator: how many requests, how many failed, how long, and each one's latency. */
record LoadRun(String name, int requests, int errors, double seconds, long[] sortedMicros) {

    static LoadRun of(String name, int errors, double seconds, long[] micros, int count) {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return new LoadRun(name, count, errors, seconds, sorted);
    }

    double perSecond() {
        return requests / seconds;
    }

    double percentileMillis(double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
    }

    void print(String unit) {
        System.out.printf("%-34s %7d %s %5d errors %8.1f /s   p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  "
                + "max %7.1f ms%n", name, requests, unit, errors, perSecond(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }
}

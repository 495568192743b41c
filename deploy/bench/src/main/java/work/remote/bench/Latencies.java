package work.remote.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** Latency samples in microseconds, summarised as percentiles in milliseconds. */
final class Latencies {

    private final long[] micros;

    Latencies(long[] micros) {
        this.micros = micros.clone();
        Arrays.sort(this.micros);
    }

    int count() {
        return micros.length;
    }

    /** The nearest-rank percentile, in milliseconds. */
    double percentileMillis(double percentile) {
        if (micros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * micros.length);
        return micros[Math.max(0, Math.min(micros.length - 1, rank - 1))] / 1000.0;
    }

    double maxMillis() {
        return micros.length == 0 ? Double.NaN : micros[micros.length - 1] / 1000.0;
    }

    String row(String label) {
        return String.format("| %-44s | %6d | %8.1f | %8.1f | %8.1f | %8.1f |", label, count(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), maxMillis());
    }

    /** Now, in microseconds since the epoch: the resolution latencies are measured in. */
    static long epochMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    static String header() {
        return String.format("| %-44s | %6s | %8s | %8s | %8s | %8s |%n|%s|--------|----------|----------|----------|----------|",
                "measure", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "-".repeat(46));
    }
}

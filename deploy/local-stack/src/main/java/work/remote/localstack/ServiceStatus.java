package work.remote.localstack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A running service process: its pid, how long its last start took from spawning the JVM until it answered ready,
 * the CPU time it had used by then (what a start costs, also on a machine busy with other work), and its resident
 * memory now.
 */
record ServiceStatus(String name, long pid, Duration startToReady, Optional<Duration> cpuToReady, OptionalLong rssBytes) {

    /** {@code ready 2.1 s after its start (CPU 3.4 s), RSS 183 MB}. */
    String describe() {
        return String.format(Locale.ROOT, "ready %.1f s after its start (CPU %s), RSS %s", seconds(startToReady),
                cpuToReady.map(cpu -> String.format(Locale.ROOT, "%.1f s", seconds(cpu))).orElse("n/a"),
                ProcessMemory.describe(rssBytes));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

package work.remote.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident set size of a process, as Linux counts it in {@code /proc/<pid>/status}; empty elsewhere. */
final class ProcessMemory {

    private static final String RSS_FIELD = "VmRSS:";

    private ProcessMemory() {
    }

    static OptionalLong rssBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith(RSS_FIELD))
                    .mapToLong(line -> Long.parseLong(line.substring(RSS_FIELD.length()).replace("kB", "").strip()) * 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException gone) {
            return OptionalLong.empty();
        }
    }

    /** {@code 183 MB}, or {@code n/a} where the system does not tell. */
    static String describe(OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() + 512 * 1024) / (1024 * 1024) + " MB" : "n/a";
    }
}

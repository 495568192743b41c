package work.remote.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The running local stack as {@code stack.properties} describes it, and the benchmarks' {@code --name=value} options. */
final class Stack {

    private Stack() {
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : List.of(args)) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    /** The stack's {@code stack.properties}; its directory is the stack's. */
    static Path file(Map<String, String> options) {
        return Path.of(options.getOrDefault("stack", "deploy/local-stack/target/local-stack/stack.properties"));
    }

    /** The stack's URLs and tokens; exits with a hint when no stack is running. */
    static Properties load(Map<String, String> options) throws IOException {
        Path stackFile = file(options);
        if (!Files.exists(stackFile)) {
            System.err.println("No running local stack: " + stackFile + " is missing. Start it first (see README).");
            System.exit(2);
        }
        Properties stack = new Properties();
        try (InputStream in = Files.newInputStream(stackFile)) {
            stack.load(in);
        }
        return stack;
    }
}

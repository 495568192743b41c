package work.remote.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The web console ({@code console/target/quarkus-app}) next to the services: it calls them on their local ports, reads
 * their topics, and signs people in with the stack's dev token endpoint (dev sign-in, OpenID Connect off).
 */
final class ConsoleProcess implements AutoCloseable {

    static final String NAME = "console";

    private final StackService console;
    private final Process process;
    private final Path log;

    private ConsoleProcess(StackService console, Process process, Path log) {
        this.console = console;
        this.process = process;
        this.log = log;
    }

    static Path jar(Path root) {
        return root.resolve(NAME).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts the console and waits until it is ready. */
    static ConsoleProcess start(Path root, Path home, ServiceJvm jvm, StackPorts ports, Infrastructure infrastructure) {
        StackService console = new StackService(NAME, null, ports.console(), ports.management().console());
        Path log = home.resolve("logs").resolve(NAME + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm.options());
        config(ports, infrastructure).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar(root).toString());
        System.out.println(NAME + ": starting on port " + console.port() + ", log " + log);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServiceJvm.ENVIRONMENT);
        Process process;
        try {
            process = builder.directory(home.toFile()).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the console", e);
        }
        ConsoleProcess started = new ConsoleProcess(console, process, log);
        try {
            Readiness.await(console, process, log, Instant.now().plus(Readiness.TIMEOUT));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    static boolean built(Path root) {
        return Files.isRegularFile(jar(root));
    }

    private static Map<String, String> config(StackPorts ports, Infrastructure infrastructure) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(ports.console()));
        config.put("quarkus.management.port", Integer.toString(ports.management().console()));
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrap());
        config.put("console.services.process", "http://localhost:" + ports.process());
        config.put("console.services.meeting", "http://localhost:" + ports.meeting());
        config.put("console.services.ticket", "http://localhost:" + ports.ticket());
        config.put("console.services.notification", "http://localhost:" + ports.notification());
        config.put("quarkus.oidc.tenant-enabled", "false");
        config.put("console.dev-sign-in.enabled", "true");
        config.put("console.dev-sign-in.token-url", infrastructure.tokensUrl());
        return config;
    }

    String url() {
        return console.url();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

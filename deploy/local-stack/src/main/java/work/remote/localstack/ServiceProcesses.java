package work.remote.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services' processes: each runs its built jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) with its
 * configuration as system properties and its output in its own log. Started, awaited, killed and restarted for
 * drills, replicated, and stopped all at once.
 */
final class ServiceProcesses implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Path home;
    private final ServiceConfig config;
    private final Infrastructure infrastructure;
    private final Map<StackService, Process> primaries = new LinkedHashMap<>();
    private final List<Process> replicas = new ArrayList<>();
    private boolean closed;

    ServiceProcesses(Path root, Path home, ServiceConfig config, Infrastructure infrastructure) {
        this.root = root;
        this.home = home;
        this.config = config;
        this.infrastructure = infrastructure;
    }

    /** Throws naming every service whose jar is missing, and how to build them. */
    static void requireBuilt(Path root, List<StackService> services) {
        List<String> missing = services.stream()
                .map(service -> jar(root, service))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("these services are not built:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", missing) + System.lineSeparator()
                    + "Build and start everything from the repository root with: ./mvnw package -DskipTests -Plocal-stack");
        }
    }

    private static Path jar(Path root, StackService service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Path log(StackService service) {
        return home.resolve("logs").resolve(service.name() + ".log");
    }

    void start(StackService service) {
        Process process = spawn(service, log(service));
        synchronized (this) {
            primaries.put(service, process);
            stopIfClosed();
        }
    }

    /** Waits for each service in turn, all within {@link Readiness#TIMEOUT} of {@code begin}. */
    void awaitReady(List<StackService> services, Instant begin) {
        for (StackService service : services) {
            Readiness.await(service, primary(service), log(service), begin.plus(Readiness.TIMEOUT));
            System.out.printf(Locale.ROOT, "%s: ready after %.1f s%n", service.name(),
                    Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        }
    }

    /** Starts another instance of {@code primary} on {@code port} (management on {@code managementPort}), waits until ready. */
    void startReplica(StackService primary, int port, int managementPort) {
        StackService replica = primary.replicaOn(port, managementPort);
        Path log = home.resolve("logs").resolve(primary.name() + "-replica-" + port + ".log");
        Process process = spawn(replica, log);
        synchronized (this) {
            replicas.add(process);
            stopIfClosed();
        }
        Readiness.await(replica, process, log, Instant.now().plus(Readiness.TIMEOUT));
    }

    /** Kills a service the hard way, as a crashed pod or a lost node, then starts it again and waits until ready. */
    void crashAndRestart(StackService service) {
        try {
            primary(service).destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + service.name(), e);
        }
        start(service);
        Readiness.await(service, primary(service), log(service), Instant.now().plus(Readiness.TIMEOUT));
    }

    /** Asks every process to stop, then waits for each, killing those that take longer than 20 seconds. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Process> all = new ArrayList<>(replicas);
        all.addAll(primaries.values());
        all.forEach(Process::destroy);
        all.forEach(process -> {
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        });
        primaries.clear();
        replicas.clear();
    }

    private synchronized Process primary(StackService service) {
        return primaries.get(service);
    }

    /** A process started while the stack stops is stopped with the rest. */
    private void stopIfClosed() {
        if (closed) {
            close();
            throw new IllegalStateException("stopped while starting");
        }
    }

    private Process spawn(StackService service, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        config.of(service, infrastructure).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar(root, service).toString());
        System.out.println(service.name() + ": starting on port " + service.port() + ", log " + log);
        try {
            return new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }
}

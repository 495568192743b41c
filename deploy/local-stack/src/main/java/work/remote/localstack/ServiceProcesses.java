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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import work.remote.localstack.ClassDataArchives.ClassData;

/**
 * The services' processes: each runs its built jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) with its
 * configuration as system properties, its JVM sized by {@link ServiceJvm}, its classes from its
 * {@link ClassDataArchives class-data archive} once it has one, and its output in its own log. Started, awaited (each
 * start timed from spawning its JVM to ready), killed and restarted for drills, replicated, and stopped all at once.
 */
final class ServiceProcesses implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Path home;
    private final ServiceConfig config;
    private final ServiceJvm jvm;
    private final ClassDataArchives archives;
    private final Infrastructure infrastructure;
    private final Map<StackService, Process> primaries = new LinkedHashMap<>();
    private final Map<StackService, ClassData> classData = new LinkedHashMap<>();
    private final Map<StackService, Instant> spawnedAt = new LinkedHashMap<>();
    private final Map<StackService, Duration> startToReady = new LinkedHashMap<>();
    private final Map<StackService, Optional<Duration>> cpuToReady = new LinkedHashMap<>();
    private final List<Process> replicas = new ArrayList<>();
    private boolean closed;

    ServiceProcesses(Path root, Path home, ServiceConfig config, ServiceJvm jvm, ClassDataArchives archives,
            Infrastructure infrastructure) {
        this.root = root;
        this.home = home;
        this.config = config;
        this.jvm = jvm;
        this.archives = archives;
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
        Instant spawned = Instant.now();
        ClassData classes = archives.forStart(service, jvm.options());
        Process process = spawn(service, log(service), classes);
        synchronized (this) {
            primaries.put(service, process);
            classData.put(service, classes);
            spawnedAt.put(service, spawned);
            startToReady.remove(service);
            stopIfClosed();
        }
    }

    /** Waits for each service in turn, all within {@link Readiness#TIMEOUT} of {@code begin}. */
    void awaitReady(List<StackService> services, Instant begin) {
        for (StackService service : services) {
            awaitReady(service, begin.plus(Readiness.TIMEOUT));
            System.out.printf(Locale.ROOT, "%s: ready after %.1f s; %s%n", service.name(),
                    Duration.between(begin, Instant.now()).toMillis() / 1000.0, status(service).describe());
        }
    }

    /**
     * Writes the class-data archive of each of {@code services} whose running process recorded one, and replaces that
     * process by one reading it: a JVM that wrote an archive keeps the dump's native memory, some 300 MB, for its
     * whole life.
     */
    void writeClassData(List<StackService> services) {
        Instant begin = Instant.now();
        List<StackService> restarted = new ArrayList<>();
        for (StackService service : services) {
            ClassData classes;
            Process process;
            synchronized (this) {
                if (closed) {
                    return;
                }
                classes = classData.get(service);
                process = primaries.get(service);
            }
            if (classes.records() && archives.write(service, classes, process.pid())) {
                stop(process);
                start(service);
                restarted.add(service);
            }
        }
        awaitReady(restarted, begin);
    }

    /** The service's process as it runs now; its start time is the last start's, once it was ready. */
    synchronized ServiceStatus status(StackService service) {
        Process process = primaries.get(service);
        if (process == null || !startToReady.containsKey(service)) {
            throw new IllegalStateException(service.name() + " is not running");
        }
        return new ServiceStatus(service.name(), process.pid(), startToReady.get(service), cpuToReady.get(service),
                ProcessMemory.rssBytes(process.pid()));
    }

    /** Starts another instance of {@code primary} on {@code port} (management on {@code managementPort}), waits until ready. */
    void startReplica(StackService primary, int port, int managementPort) {
        StackService replica = primary.replicaOn(port, managementPort);
        Path log = home.resolve("logs").resolve(primary.name() + "-replica-" + port + ".log");
        ClassData classes = archives.forStart(primary, jvm.options());
        Process process = spawn(replica, log, classes.records() ? ClassData.NONE : classes);
        synchronized (this) {
            replicas.add(process);
            stopIfClosed();
        }
        Readiness.await(replica, process, log, Instant.now().plus(Readiness.TIMEOUT));
    }

    /**
     * Kills a service the hard way, as a crashed pod or a lost node, then starts it again and waits until ready;
     * answers the new process, its start timed from spawning its JVM.
     */
    ServiceStatus crashAndRestart(StackService service) {
        try {
            primary(service).destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + service.name(), e);
        }
        start(service);
        awaitReady(service, Instant.now().plus(Readiness.TIMEOUT));
        return status(service);
    }

    private void awaitReady(StackService service, Instant deadline) {
        Process process = primary(service);
        Readiness.await(service, process, log(service), deadline);
        Instant ready = Instant.now();
        Optional<Duration> cpu = process.info().totalCpuDuration();
        synchronized (this) {
            startToReady.put(service, Duration.between(spawnedAt.get(service), ready));
            cpuToReady.put(service, cpu);
        }
    }

    /** Asks every process to stop, then waits for each, killing those that take longer than 20 seconds. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Process> all = new ArrayList<>(replicas);
        all.addAll(primaries.values());
        all.forEach(Process::destroy);
        all.forEach(ServiceProcesses::awaitStopped);
        primaries.clear();
        classData.clear();
        spawnedAt.clear();
        startToReady.clear();
        cpuToReady.clear();
        replicas.clear();
    }

    private static void stop(Process process) {
        process.destroy();
        awaitStopped(process);
    }

    /** Waits for a process asked to stop, killing it when it takes longer than {@link #STOP_TIMEOUT}. */
    private static void awaitStopped(Process process) {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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

    private Process spawn(StackService service, Path log, ClassData classes) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm.options(classes.options()));
        config.of(service, infrastructure).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar(root, service).toString());
        System.out.println(service.name() + ": starting on port " + service.port() + ", log " + log);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(ServiceJvm.ENVIRONMENT);
        try {
            return builder
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }
}

package work.remote.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in a forked JVM, so that
 * it can be stopped and started again to simulate an outage. The fork's output goes to
 * {@code kafka-broker.log} next to the log directory; the fork also exits by itself when this JVM is gone.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int NODE_ID = 1;
    private static final int PARTITIONS = 3;

    /**
     * The topics the system uses, created when the broker starts (other topics are created on first use): each
     * context's events and each service's dead-letter topic, as {@code deploy/k8s/infrastructure/kafka.yaml}
     * declares them.
     */
    public static final List<String> TOPICS = EventCatalog.contexts().stream()
            .flatMap(context -> Stream.of(EventType.topicOf(context), "remote-work." + context + ".dead-letter"))
            .toList();

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean temporary;
    private final boolean owner;
    /** The running fork, shared with handles attached from other class loaders; also the lock of its changes. */
    private final AtomicReference<Process> process;
    private final Thread shutdownHook;

    private KafkaBroker(int port, int controllerPort, Path logDir, boolean temporary, boolean owner,
            AtomicReference<Process> process) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.temporary = temporary;
        this.owner = owner;
        this.process = process;
        this.shutdownHook = owner ? new Thread(this::shutDownQuietly, "kafka-broker-cleanup") : null;
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @param port the client port on 127.0.0.1, 0 for a free one
     * @param logDir where the broker keeps its data, {@code null} for a temporary directory removed on close
     */
    public static KafkaBroker start(int port, Path logDir) {
        if (port != 0) {
            Ports.requireFree(port, "the Kafka broker");
        }
        boolean temporary = logDir == null;
        KafkaBroker broker;
        try {
            Path dir = temporary
                    ? Files.createTempDirectory("remote-work-kafka-").resolve("data")
                    : logDir.toAbsolutePath();
            Files.createDirectories(dir);
            broker = new KafkaBroker(Ports.freeOr(port), Ports.free(), dir, temporary, true, new AtomicReference<>());
            broker.writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka log directory", e);
        }
        Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
        try {
            broker.launch();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** This broker's state in JDK types only, for {@link #attach} from another class loader. */
    Map<String, Object> export() {
        return Map.of("port", port, "controllerPort", controllerPort, "logDir", logDir, "temporary", temporary,
                "process", process);
    }

    /** A handle on a broker started by another class loader's {@code KafkaBroker}, see {@link #export()}. */
    @SuppressWarnings("unchecked")
    static KafkaBroker attach(Map<String, Object> state) {
        return new KafkaBroker((Integer) state.get("port"), (Integer) state.get("controllerPort"),
                (Path) state.get("logDir"), (Boolean) state.get("temporary"), false,
                (AtomicReference<Process>) state.get("process"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** The file the forked broker writes its output to. */
    public Path logFile() {
        return logDir.resolveSibling("kafka-broker.log");
    }

    public boolean isRunning() {
        Process running = process.get();
        return running != null && running.isAlive();
    }

    /** Terminates the broker process; its data stays in the log directory for {@link #restart()}. */
    public void stop() {
        synchronized (process) {
            Process stopping = process.getAndSet(null);
            if (stopping == null) {
                return;
            }
            stopping.destroy();
            try {
                if (!stopping.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    stopping.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                stopping.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the broker again on the same port with the same data, stopping it first if it runs. */
    public void restart() {
        synchronized (process) {
            stop();
            launch();
        }
    }

    /**
     * Stops the broker and removes a temporary log directory. A handle attached to a broker that another class
     * loader started leaves it running: that one stops it.
     */
    @Override
    public void close() {
        if (!owner) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and does the same
        }
        shutDownQuietly();
    }

    @Override
    public String toString() {
        return "Kafka broker at " + bootstrapServers();
    }

    private void shutDownQuietly() {
        stop();
        if (temporary) {
            LogFiles.deleteRecursively(logDir.getParent());
        }
    }

    private void launch() {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dslf4j.provider=" + KafkaBrokerLogging.class.getName(),
                "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName(),
                configFile().toString(),
                Long.toString(ProcessHandle.current().pid()));
        synchronized (process) {
            Process started;
            try {
                started = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(logFile().toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Kafka broker JVM", e);
            }
            process.set(started);
            awaitReady(started);
        }
    }

    private Path configFile() {
        return logDir.resolveSibling("kafka-server.properties");
    }

    /** Waits for the listener to accept connections (quietly), then for a successful describeCluster. */
    private void awaitReady(Process started) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try {
            while (!accepting()) {
                checkAliveBefore(started, deadline);
                started.waitFor(100, TimeUnit.MILLISECONDS);
            }
            awaitDescribeCluster(started, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady("interrupted while waiting");
        }
    }

    /** Kafka clients load their plugins through the context class loader, which must be the one of this copy. */
    private void awaitDescribeCluster(Process started, Instant deadline) throws InterruptedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try (Admin admin = Admin.create(adminConfig())) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        createTopics(admin);
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw notReady("describeCluster kept failing, last with " + e);
                    }
                }
                checkAliveBefore(started, deadline);
                started.waitFor(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void createTopics(Admin admin) throws InterruptedException, TimeoutException {
        List<NewTopic> topics = TOPICS.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
        for (var created : admin.createTopics(topics).values().entrySet()) {
            try {
                created.getValue().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + created.getKey(), e.getCause());
                }
            }
        }
    }

    private void checkAliveBefore(Process started, Instant deadline) {
        if (!started.isAlive()) {
            throw notReady("the broker JVM exited with code " + started.exitValue());
        }
        if (Instant.now().isAfter(deadline)) {
            throw notReady("it did not start within " + READY_TIMEOUT.toSeconds() + " s");
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "dev-infra-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return config;
    }

    private IllegalStateException notReady(String reason) {
        String tail = LogFiles.tail(logFile(), 60);
        stop();
        return new IllegalStateException("Kafka broker on " + bootstrapServers() + " is not ready: " + reason
                + System.lineSeparator() + "--- last lines of " + logFile() + " ---" + System.lineSeparator() + tail);
    }

    private void writeConfig() throws IOException {
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", Integer.toString(NODE_ID));
        server.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        server.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("log.dirs", logDir.toString());
        server.setProperty("auto.create.topics.enable", "true");
        server.setProperty("num.partitions", "3");
        server.setProperty("default.replication.factor", "1");
        server.setProperty("min.insync.replicas", "1");
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "3");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("transaction.state.log.num.partitions", "3");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("share.coordinator.state.topic.num.partitions", "3");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        server.setProperty("log.segment.bytes", Integer.toString(1024 * 1024));
        server.setProperty("log.index.size.max.bytes", Integer.toString(128 * 1024));
        server.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        server.setProperty("num.network.threads", "2");
        server.setProperty("num.io.threads", "4");
        server.setProperty("num.recovery.threads.per.data.dir", "1");
        server.setProperty("background.threads", "2");
        try (Writer writer = Files.newBufferedWriter(configFile())) {
            server.store(writer, "written by " + KafkaBroker.class.getName());
        }
    }
}

package work.remote.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import work.remote.devinfra.PostgresServer;
import work.remote.devinfra.SlackSink;

/**
 * Runs the whole system on this machine: the {@link Infrastructure} (PostgreSQL, Kafka, the SMTP server, the sink
 * console, the dev token endpoint), then the four {@link ServiceProcesses} from their {@code target/quarkus-app} and
 * the web {@link ConsoleProcess};
 * prints the {@link StackReport}, and stops it all on Ctrl-C. Tests and drills hold the same object: they choose
 * the services and their configuration before {@link #start()}, and afterwards script the Slack sink, reach the
 * database, mint tokens, add replicas and crash services.
 * <p>
 * {@code java -cp ... work.remote.localstack.LocalStack <repository root>}, normally through
 * {@code ./mvnw package -DskipTests -Plocal-stack}.
 */
public final class LocalStack {

    /** {@code webhook} keeps {@code #product} on its incoming webhook (the benchmarks count webhook calls). */
    static final String PRODUCT_CHANNEL_VARIABLE = "LOCAL_STACK_PRODUCT_CHANNEL";

    private final Path root;
    private final Path home;
    private final Map<String, String> env;
    private final StackPorts ports;
    private final ServiceConfig config = new ServiceConfig();
    private final ServiceJvm jvm;
    private final StartedResources started = new StartedResources();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private List<StackService> services;
    private Infrastructure infrastructure;
    private ServiceProcesses processes;
    private StackReport report;

    LocalStack(Path root, Map<String, String> env, StackPorts ports) {
        this(root, root.resolve("deploy/local-stack/target/local-stack"), env, ports);
    }

    /** A stack whose data, logs and {@code stack.properties} live in {@code home}. */
    LocalStack(Path root, Path home, Map<String, String> env, StackPorts ports) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.env = env;
        this.ports = ports;
        this.services = ports.services();
        this.jvm = ServiceJvm.of(env);
        if ("webhook".equals(env.get(PRODUCT_CHANNEL_VARIABLE))) {
            config.productChannelOnWebhook();
        }
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        LocalStack stack = new LocalStack(Path.of(args.length > 0 ? args[0] : "."), System.getenv(), StackPorts.STANDARD);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        } catch (Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(stack.summary());
        stack.awaitStop();
    }

    /** Runs only the named services (a drill needs one service, not four); call before {@link #start()}. */
    void onlyServices(String... names) {
        List<String> wanted = List.of(names);
        services = services.stream().filter(service -> wanted.contains(service.name())).toList();
    }

    /** Extra configuration for one service, e.g. a shorter SLA clock for a drill; call before {@link #start()}. */
    void configure(String serviceName, String key, String value) {
        config.set(serviceName, key, value);
    }

    /**
     * Keeps {@code #product} on its incoming webhook instead of the Slack app's bot token, for drills that count the
     * webhook calls; call before {@link #start()}.
     */
    void productChannelOnWebhook() {
        config.productChannelOnWebhook();
    }

    /** Starts everything, or throws with what went wrong after stopping whatever had started. */
    void start() {
        Instant begin = Instant.now();
        ServiceProcesses.requireBuilt(root, services);
        try {
            Files.createDirectories(home.resolve("logs"));
            infrastructure = Infrastructure.start(env, ports, home, services, started);
            processes = started.add(new ServiceProcesses(root, home, config, jvm, ClassDataArchives.of(root, env),
                    infrastructure));
            services.forEach(processes::start);
            processes.awaitReady(services, begin);
            processes.writeClassData(services);
            ConsoleProcess console = startConsole();
            StackControl control = started.add(StackControl.start(ports.control(), new ControlledServices()));
            report = new StackReport(services, ports, infrastructure, processes, control, console, home);
            report.writeProperties();
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
        System.out.printf(Locale.ROOT, "%nEverything is up after %.1f s.%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * The web console, once all four services run (a drill that runs fewer goes without it) and when it is built;
     * null otherwise.
     */
    private ConsoleProcess startConsole() {
        if (services.size() < ports.services().size()) {
            return null;
        }
        if (!ConsoleProcess.built(root)) {
            System.out.println(ConsoleProcess.NAME + ": not built (" + ConsoleProcess.jar(root) + "), not started");
            return null;
        }
        Instant begin = Instant.now();
        ConsoleProcess console = started.add(ConsoleProcess.start(root, home, jvm, ports, infrastructure));
        System.out.printf(Locale.ROOT, "%s: ready after %.1f s%n", ConsoleProcess.NAME,
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        return console;
    }

    /** Stops the services, then the infrastructure; whatever a start still in progress adds is stopped at once. */
    void stop() {
        boolean running = !started.isEmpty();
        if (running) {
            System.out.println("Stopping the local stack...");
        }
        started.closeAll();
        if (running) {
            System.out.println("Stopped.");
        }
        stopped.countDown();
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path home() {
        return home;
    }

    /** The table of URLs, the tokens and example requests; once started. */
    String summary() {
        return report.summary();
    }

    /** The Slack stand-in every channel's webhook points at; drills script its faults. */
    SlackSink slackSink() {
        return infrastructure.slack();
    }

    /** The PostgreSQL server the services' databases live on; drills drop its connections. */
    PostgresServer postgres() {
        return infrastructure.postgres();
    }

    /** A bearer token for {@code person} with {@code role}, signed by the stack's dev key. */
    String token(String person, String role) {
        return infrastructure.tokens().token(person, Set.of(role));
    }

    /** Starts another instance of a running service on {@code port} and {@code managementPort}, on the same database and broker. */
    void startReplica(String serviceName, int port, int managementPort) {
        processes.startReplica(service(serviceName), port, managementPort);
    }

    /**
     * Kills a service the hard way, as a crashed pod or a lost node, then starts it again and waits until ready;
     * {@code stack.properties} then names its new pid.
     */
    ServiceStatus crashAndRestart(String serviceName) {
        ServiceStatus restarted = processes.crashAndRestart(service(serviceName));
        report.writeProperties();
        return restarted;
    }

    /** A running service's pid, start time and RSS now. */
    ServiceStatus status(String serviceName) {
        return processes.status(service(serviceName));
    }

    /** The stack's services as {@link StackControl} reaches them; one restart at a time. */
    private final class ControlledServices implements StackControl.Services {

        @Override
        public List<String> names() {
            return services.stream().map(StackService::name).toList();
        }

        @Override
        public ServiceStatus status(String name) {
            return LocalStack.this.status(name);
        }

        @Override
        public synchronized ServiceStatus crashAndRestart(String name) {
            return LocalStack.this.crashAndRestart(name);
        }
    }

    private StackService service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in this stack"));
    }
}

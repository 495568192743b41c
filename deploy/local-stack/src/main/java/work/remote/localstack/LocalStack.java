package work.remote.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import work.remote.devinfra.DevTokens;
import work.remote.devinfra.KafkaBroker;
import work.remote.devinfra.LogFiles;
import work.remote.devinfra.PostgresServer;
import work.remote.devinfra.SinkConsole;
import work.remote.devinfra.SlackSink;
import work.remote.devinfra.SmtpServer;

/**
 * Runs the whole system on this machine: PostgreSQL (embedded unless {@code REMOTE_WORK_JDBC_URL} is set),
 * a Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} is set), the SMTP server and Slack sink, and the four
 * services from their {@code target/quarkus-app}. Prints where everything is, writes the same to
 * {@code deploy/local-stack/target/local-stack/stack.properties}, and stops it all on Ctrl-C.
 * <p>
 * {@code java -cp ... work.remote.localstack.LocalStack <repository root>}, normally through
 * {@code ./mvnw package -DskipTests -Plocal-stack}.
 */
public final class LocalStack {

    static final String MAIL_FROM = "remote-work@localhost.test";
    static final String WEBHOOK_NAME = "T0/B0/local";
    /** The CS channel of the seeded example launch, so its announcements reach the Slack sink too. */
    static final String EXAMPLE_CS_CHANNEL = "#cs-launch-instant-withdrawals";
    static final String CS_WEBHOOK_NAME = "T0/B1/cs-launch";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String EXAMPLE_TICKET = "{\"title\":\"Withdrawals fail for user 42\",\"type\":\"BUG\","
            + "\"impact\":\"WITHDRAWAL_BLOCKED\",\"affectedUsers\":1,\"description\":\"Error W-17 on every withdrawal\"}";

    /** One of the four services: its module directory, its database and its HTTP port. */
    record Service(String name, String database, int port) {

        String url() {
            return "http://localhost:" + port;
        }
    }

    /** Where everything listens. */
    record Ports(int postgres, int kafka, int smtp, int sinks, int process, int meeting, int ticket, int notification) {

        static final Ports STANDARD = new Ports(15432, 9092, 2525, 8025, 8081, 8082, 8083, 8084);

        List<Service> services() {
            return List.of(
                    new Service("process-service", "process", process),
                    new Service("meeting-service", "meeting", meeting),
                    new Service("ticket-service", "ticket", ticket),
                    new Service("notification-service", "notification", notification));
        }
    }

    private final Path root;
    private final Path home;
    private final Map<String, String> env;
    private final Ports ports;
    private List<Service> services;
    private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final List<Process> replicas = new ArrayList<>();
    private final Map<String, String> jdbcUrls = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;
    private PostgresServer postgres;
    private String kafkaBootstrap;
    private SmtpServer smtp;
    private SinkConsole sinks;
    private DevTokens tokens;
    private Path publicKey;
    private Map<String, String> roleTokens;

    LocalStack(Path root, Map<String, String> env, Ports ports) {
        this(root, root.resolve("deploy/local-stack/target/local-stack"), env, ports);
    }

    /** A stack whose data, logs and {@code stack.properties} live in {@code home}. */
    LocalStack(Path root, Path home, Map<String, String> env, Ports ports) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.env = env;
        this.ports = ports;
        this.services = ports.services();
        configure("process-service", "process.seed-example", "true");
        configure("ticket-service", "ticket.seed-example", "true");
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        LocalStack stack = new LocalStack(Path.of(args.length > 0 ? args[0] : "."), System.getenv(), Ports.STANDARD);
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

    /** Starts everything, or throws with what went wrong after stopping whatever had started. */
    void start() {
        Instant begin = Instant.now();
        requireBuiltServices();
        try {
            Files.createDirectories(home.resolve("logs"));
            startInfrastructure();
            for (Service service : services) {
                launch(service);
            }
            awaitReady(begin);
            writeStackProperties();
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

    /** Stops the services, then the infrastructure; whatever a start still in progress adds is stopped at once. */
    synchronized void stop() {
        stopping = true;
        if (running.isEmpty() && processes.isEmpty() && replicas.isEmpty()) {
            stopped.countDown();
            return;
        }
        System.out.println("Stopping the local stack...");
        List<Process> all = new ArrayList<>(replicas);
        all.addAll(processes.values());
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
        processes.clear();
        replicas.clear();
        while (!running.isEmpty()) {
            AutoCloseable resource = running.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("stopping " + resource + " failed: " + e);
            }
        }
        System.out.println("Stopped.");
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

    /** The Slack stand-in every channel's webhook points at; drills script its faults. */
    SlackSink slackSink() {
        return sinks.slack();
    }

    /** The PostgreSQL server the services' databases live on; drills drop its connections. */
    PostgresServer postgres() {
        return postgres;
    }

    /** A bearer token for {@code person} with {@code role}, signed by the stack's dev key. */
    String token(String person, String role) {
        return tokens.token(person, Set.of(role));
    }

    private synchronized <T extends AutoCloseable> T track(T resource) {
        running.push(resource);
        if (stopping) {
            stop();
            throw new IllegalStateException("stopped while starting");
        }
        return resource;
    }

    private synchronized Map<Service, Process> launched() {
        return new LinkedHashMap<>(processes);
    }

    private synchronized void track(Service service, Process process) {
        processes.put(service, process);
        if (stopping) {
            stop();
            throw new IllegalStateException("stopped while starting");
        }
    }

    private void requireBuiltServices() {
        List<String> missing = services.stream()
                .map(this::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("these services are not built:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", missing) + System.lineSeparator()
                    + "Build and start everything from the repository root with: ./mvnw package -DskipTests -Plocal-stack");
        }
    }

    private Path jar(Service service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void startInfrastructure() {
        String jdbcUrl = env.get("REMOTE_WORK_JDBC_URL");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            postgres = track(PostgresServer.external(jdbcUrl, env.get("REMOTE_WORK_DB_USER"),
                    env.get("REMOTE_WORK_DB_PASSWORD")));
            System.out.println("PostgreSQL: using " + jdbcUrl);
        } else {
            System.out.println("PostgreSQL: starting the embedded server on port " + ports.postgres() + "...");
            postgres = track(PostgresServer.startEmbedded(ports.postgres(), home.resolve("pg")));
        }
        for (Service service : services) {
            jdbcUrls.put(service.database(), postgres.jdbcUrl(service.database()));
        }

        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !bootstrap.isBlank()) {
            kafkaBootstrap = bootstrap;
            System.out.println("Kafka: using " + bootstrap);
        } else {
            System.out.println("Kafka: starting a KRaft broker on port " + ports.kafka() + "...");
            kafkaBootstrap = track(KafkaBroker.start(ports.kafka(), home.resolve("kafka/data"))).bootstrapServers();
        }

        smtp = track(SmtpServer.start(ports.smtp()));
        sinks = track(SinkConsole.start(ports.sinks(), smtp));

        tokens = DevTokens.generate();
        publicKey = home.resolve("jwt/publicKey.pem");
        tokens.writePublicKey(publicKey);
        roleTokens = new LinkedHashMap<>();
        for (String role : DevTokens.ROLES) {
            roleTokens.put(role, tokens.token("dev-" + role, role));
        }
    }

    /** Runs only the named services (a drill needs one service, not four); call before {@link #start()}. */
    void onlyServices(String... names) {
        List<String> wanted = List.of(names);
        services = services.stream().filter(service -> wanted.contains(service.name())).toList();
    }

    /** Extra configuration for one service, e.g. a shorter SLA clock for a drill; call before {@link #start()}. */
    void configure(String serviceName, String key, String value) {
        overrides.computeIfAbsent(serviceName, name -> new LinkedHashMap<>()).put(key, value);
    }

    /** Starts another instance of a running service on {@code port}, on the same database and broker. */
    void startReplica(String serviceName, int port) {
        Service primary = service(serviceName);
        Service replica = new Service(primary.name(), primary.database(), port);
        Process process = spawn(replica, home.resolve("logs").resolve(primary.name() + "-replica-" + port + ".log"));
        synchronized (this) {
            replicas.add(process);
        }
        awaitReady(replica, process, Instant.now().plus(READY_TIMEOUT));
    }

    /** Kills a service the hard way, as a crashed pod or a lost node, then starts it again and waits until ready. */
    void crashAndRestart(String serviceName) {
        Service service = service(serviceName);
        Process crashed = launched().get(service);
        try {
            crashed.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + serviceName, e);
        }
        launch(service);
        awaitReady(service, launched().get(service), Instant.now().plus(READY_TIMEOUT));
    }

    private Service service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in this stack"));
    }

    private void launch(Service service) {
        track(service, spawn(service, log(service)));
    }

    private Process spawn(Service service, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        serviceConfig(service).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar(service).toString());
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

    /** The configuration each service gets as system properties, which win over its application.properties. */
    Map<String, String> serviceConfig(Service service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(service.port()));
        config.put("quarkus.datasource.jdbc.url", jdbcUrls.get(service.database()));
        if (postgres.username() != null) {
            config.put("quarkus.datasource.username", postgres.username());
        }
        if (postgres.password() != null) {
            config.put("quarkus.datasource.password", postgres.password());
        }
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("quarkus.mailer.host", smtp.host());
        config.put("quarkus.mailer.port", Integer.toString(smtp.port()));
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.start-tls", SmtpServer.START_TLS);
        config.put("quarkus.mailer.from", MAIL_FROM);
        config.put("notification.slack.webhook-url", sinks.slack().webhookUrl(WEBHOOK_NAME));
        config.put("notification.slack.webhooks.\"" + EXAMPLE_CS_CHANNEL + "\"", sinks.slack().webhookUrl(CS_WEBHOOK_NAME));
        config.putAll(overrides.getOrDefault(service.name(), Map.of()));
        return config;
    }

    private Path log(Service service) {
        return home.resolve("logs").resolve(service.name() + ".log");
    }

    private void awaitReady(Instant begin) {
        Map<Service, Process> launched = launched();
        for (Service service : services) {
            awaitReady(service, launched.get(service), begin.plus(READY_TIMEOUT));
            System.out.printf(Locale.ROOT, "%s: ready after %.1f s%n", service.name(),
                    Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        }
    }

    private void awaitReady(Service service, Process process, Instant deadline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!ready(http, service)) {
            if (!process.isAlive()) {
                throw notReady(service, "it exited with code " + process.exitValue());
            }
            if (Instant.now().isAfter(deadline)) {
                throw notReady(service, "it was not ready within " + READY_TIMEOUT.toMinutes() + " minutes");
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notReady(service, "interrupted while waiting for it");
            }
        }
    }

    private static boolean ready(HttpClient http, Service service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private IllegalStateException notReady(Service service, String reason) {
        return new IllegalStateException(service.name() + " did not become ready: " + reason + System.lineSeparator()
                + "--- last lines of " + log(service) + " ---" + System.lineSeparator()
                + LogFiles.tail(log(service), 40));
    }

    private void writeStackProperties() {
        Properties stack = new Properties();
        for (Service service : services) {
            stack.setProperty(service.database() + ".url", service.url());
        }
        stack.setProperty("slack.sink.url", sinkUrl());
        stack.setProperty("mail.url", sinkUrl() + "/mail");
        stack.setProperty("kafka.bootstrap", kafkaBootstrap);
        roleTokens.forEach((role, token) -> stack.setProperty("token." + role, token));
        try (Writer writer = Files.newBufferedWriter(home.resolve("stack.properties"))) {
            stack.store(writer, "remote-work local stack; tokens are valid for 12 hours");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve("stack.properties"), e);
        }
    }

    private String sinkUrl() {
        return "http://localhost:" + sinks.slack().port();
    }

    /** The table of URLs, the tokens and an example request. */
    String summary() {
        List<String[]> rows = new ArrayList<>();
        for (Service service : services) {
            rows.add(new String[] { service.name(), service.url() });
            rows.add(new String[] { "  Swagger UI", service.url() + "/q/swagger-ui" });
            rows.add(new String[] { "  OpenAPI", service.url() + "/q/openapi" });
            rows.add(new String[] { "  health", service.url() + "/q/health" });
            rows.add(new String[] { "  metrics", service.url() + "/q/metrics" });
            rows.add(new String[] { "  database", jdbcUrls.get(service.database()) });
            rows.add(new String[] { "  log", log(service).toString() });
        }
        rows.add(new String[] { "Kafka bootstrap", kafkaBootstrap });
        rows.add(new String[] { "PostgreSQL user", postgres.username() != null ? postgres.username() : "(driver default)" });
        rows.add(new String[] { "Slack webhook calls", sinkUrl() + "/calls" });
        rows.add(new String[] { "Mail received", sinkUrl() + "/mail" });
        rows.add(new String[] { "SMTP", smtp.host() + ":" + smtp.port() });
        rows.add(new String[] { "JWT public key", publicKey.toString() });
        rows.add(new String[] { "Stack properties", home.resolve("stack.properties").toString() });
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;

        StringBuilder out = new StringBuilder(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", "WHAT", "WHERE"));
        rows.forEach(row -> out.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", row[0], row[1])));
        out.append(System.lineSeparator()).append("Bearer tokens, valid for 12 hours:").append(System.lineSeparator());
        roleTokens.forEach((role, token) -> out.append("export TOKEN_")
                .append(role.toUpperCase(Locale.ROOT).replace('-', '_')).append('=').append(token)
                .append(System.lineSeparator()));
        out.append(System.lineSeparator()).append("Report a critical issue as a CS agent:").append(System.lineSeparator())
                .append("TOKEN=$TOKEN_CS_AGENT").append(System.lineSeparator())
                .append("curl -X POST localhost:").append(ports.ticket())
                .append("/tickets -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '")
                .append(EXAMPLE_TICKET).append('\'').append(System.lineSeparator())
                .append(System.lineSeparator()).append("Ctrl-C stops everything.").append(System.lineSeparator());
        return out.toString();
    }
}

package work.remote.devinfra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything a service test needs around it, on free ports: PostgreSQL, a Kafka broker, an SMTP server, the
 * Slack sink (with the mail listing on the same HTTP port) and dev tokens.
 * <p>
 * PostgreSQL, the broker and the signing key exist once per JVM and stop when it exits. Quarkus loads a
 * module's test dependencies again in a new class loader for each test profile, so static fields alone
 * would start them once per profile: they are started by the copy of this class that the system class loader
 * holds, and every other copy attaches to them through JDK types. The SMTP server and the Slack sink are
 * cheap in-process servers and exist once per class loader, next to the application configured with them.
 */
public final class DevInfra implements AutoCloseable {

    /** The database the shared PostgreSQL serves to the service under test. */
    public static final String DATABASE = "remote_work";

    /** This class loader's view of the infrastructure. */
    private static DevInfra shared;

    /** In the system class loader's copy only: the JVM-wide infrastructure, in JDK types. */
    private static Map<String, Object> jvmWide;
    private static RuntimeException jvmWideFailure;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final SmtpServer smtp;
    private final SinkConsole sinks;
    private final DevTokens tokens;

    private DevInfra(PostgresServer postgres, KafkaBroker kafka, SmtpServer smtp, SinkConsole sinks,
            DevTokens tokens) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.smtp = smtp;
        this.sinks = sinks;
        this.tokens = tokens;
    }

    /** The infrastructure of this JVM, started by the first call; a failed start is reported to every caller. */
    public static synchronized DevInfra shared() {
        if (shared == null) {
            Map<String, Object> state = jvmWideState();
            SmtpServer smtp = SmtpServer.start(0);
            shared = new DevInfra(
                    PostgresServer.external((String) state.get("postgres.url"), (String) state.get("postgres.user"),
                            (String) state.get("postgres.password")),
                    KafkaBroker.attach(castMap(state.get("kafka"))),
                    smtp,
                    SinkConsole.start(0, smtp),
                    DevTokens.of((KeyPair) state.get("keyPair")));
        }
        return shared;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    public SlackSink slack() {
        return sinks.slack();
    }

    public SinkConsole sinks() {
        return sinks;
    }

    public DevTokens tokens() {
        return tokens;
    }

    /** Closes this class loader's SMTP server and Slack sink; PostgreSQL and the broker stop with the JVM. */
    @Override
    public void close() {
        closeQuietly(sinks);
        closeQuietly(smtp);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static Map<String, Object> jvmWideState() {
        Class<?> systemCopy;
        try {
            systemCopy = Class.forName(DevInfra.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException notOnTheSystemClassPath) {
            systemCopy = DevInfra.class;
        }
        if (systemCopy == DevInfra.class) {
            return startJvmWide();
        }
        try {
            Method start = systemCopy.getDeclaredMethod("startJvmWide");
            start.setAccessible(true);
            return castMap(start.invoke(null));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the shared dev infrastructure failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the shared dev infrastructure", e);
        }
    }

    private static synchronized Map<String, Object> startJvmWide() {
        if (jvmWideFailure != null) {
            throw new IllegalStateException("the shared dev infrastructure failed to start earlier", jvmWideFailure);
        }
        if (jvmWide == null) {
            try {
                Servers servers = Servers.startInParallel();
                jvmWide = Map.of(
                        "postgres.url", servers.postgres().serverJdbcUrl(),
                        "postgres.user", servers.postgres().username(),
                        "postgres.password", servers.postgres().password(),
                        "kafka", servers.kafka().export(),
                        "keyPair", DevTokens.generate().keyPair());
                Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "dev-infra-shutdown"));
            } catch (RuntimeException e) {
                jvmWideFailure = e;
                throw e;
            }
        }
        return jvmWide;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("dev-infra: closing " + resource + " failed: " + e);
        }
    }

    /** PostgreSQL and Kafka, which take seconds each to start, started side by side. */
    private record Servers(PostgresServer postgres, KafkaBroker kafka) {

        static Servers startInParallel() {
            CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> PostgresServer.startEmbedded(0, null));
            CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(0, null));
            try {
                return new Servers(postgres.join(), kafka.join());
            } catch (CompletionException e) {
                postgres.thenAccept(DevInfra::closeQuietly);
                kafka.thenAccept(DevInfra::closeQuietly);
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        void close() {
            closeQuietly(kafka);
            closeQuietly(postgres);
        }
    }
}

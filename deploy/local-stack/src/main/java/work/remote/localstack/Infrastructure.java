package work.remote.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import work.remote.devinfra.DevTokenEndpoint;
import work.remote.devinfra.DevTokens;
import work.remote.devinfra.KafkaBroker;
import work.remote.devinfra.PostgresServer;
import work.remote.devinfra.SinkConsole;
import work.remote.devinfra.SlackSink;
import work.remote.devinfra.SmtpServer;

/**
 * What the services run on: PostgreSQL (embedded unless {@code REMOTE_WORK_JDBC_URL} is set), a Kafka broker
 * (unless {@code KAFKA_BOOTSTRAP_SERVERS} is set), the SMTP server and the sink console showing what the services
 * sent (with the Slack stand-in's directory holding the example launch's people, and its try-out routes pointed at
 * ticket-service), and the dev signing key with the endpoint that mints tokens from it.
 */
final class Infrastructure {

    private final PostgresServer postgres;
    private final Map<String, String> jdbcUrls;
    private final String kafkaBootstrap;
    private final SinkConsole sinks;
    private final DevTokens tokens;
    private final Path publicKey;
    private final DevTokenEndpoint tokenEndpoint;

    private Infrastructure(PostgresServer postgres, Map<String, String> jdbcUrls, String kafkaBootstrap,
            SinkConsole sinks, DevTokens tokens, Path publicKey, DevTokenEndpoint tokenEndpoint) {
        this.postgres = postgres;
        this.jdbcUrls = jdbcUrls;
        this.kafkaBootstrap = kafkaBootstrap;
        this.sinks = sinks;
        this.tokens = tokens;
        this.publicKey = publicKey;
        this.tokenEndpoint = tokenEndpoint;
    }

    /**
     * Starts each part, handing it to {@code started} to be stopped with the stack, and creates the database of each
     * of {@code services}.
     */
    static Infrastructure start(Map<String, String> env, StackPorts ports, Path home, List<StackService> services,
            StartedResources started) {
        PostgresServer postgres;
        String jdbcUrl = env.get("REMOTE_WORK_JDBC_URL");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            postgres = started.add(PostgresServer.external(jdbcUrl, env.get("REMOTE_WORK_DB_USER"),
                    env.get("REMOTE_WORK_DB_PASSWORD")));
            System.out.println("PostgreSQL: using " + jdbcUrl);
        } else {
            System.out.println("PostgreSQL: starting the embedded server on port " + ports.postgres() + "...");
            postgres = started.add(PostgresServer.startEmbedded(ports.postgres(), home.resolve("pg")));
        }
        Map<String, String> jdbcUrls = new LinkedHashMap<>();
        for (StackService service : services) {
            jdbcUrls.put(service.database(), postgres.jdbcUrl(service.database()));
        }

        String kafkaBootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaBootstrap != null && !kafkaBootstrap.isBlank()) {
            System.out.println("Kafka: using " + kafkaBootstrap);
        } else {
            System.out.println("Kafka: starting a KRaft broker on port " + ports.kafka() + "...");
            kafkaBootstrap = started.add(KafkaBroker.start(ports.kafka(), home.resolve("kafka/data"))).bootstrapServers();
        }

        SmtpServer smtp = started.add(SmtpServer.start(ports.smtp()));
        SinkConsole sinks = started.add(SinkConsole.start(ports.sinks(), smtp));
        ServiceConfig.SLACK_PEOPLE.forEach(person -> sinks.slack().workspace().addUser(person.user()));
        String ticketService = "http://localhost:" + ports.ticket();
        sinks.slack().tryOut(URI.create(ticketService + "/slack/commands"), URI.create(ticketService + "/slack/interactions"),
                ServiceConfig.SLACK_SIGNING_SECRET);

        DevTokens tokens = DevTokens.generate();
        Path publicKey = home.resolve("jwt/publicKey.pem");
        tokens.writePublicKey(publicKey);
        DevTokenEndpoint tokenEndpoint = started.add(DevTokenEndpoint.start(ports.tokens(), tokens));
        return new Infrastructure(postgres, jdbcUrls, kafkaBootstrap, sinks, tokens, publicKey, tokenEndpoint);
    }

    PostgresServer postgres() {
        return postgres;
    }

    String jdbcUrl(StackService service) {
        return jdbcUrls.get(service.database());
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    SmtpServer smtp() {
        return sinks.smtp();
    }

    SlackSink slack() {
        return sinks.slack();
    }

    /** The sink console: Slack webhook calls under {@code /calls}, mail under {@code /mail}. */
    String sinkUrl() {
        return "http://localhost:" + sinks.slack().port();
    }

    DevTokens tokens() {
        return tokens;
    }

    /** The PEM file the services verify bearer tokens with. */
    Path publicKey() {
        return publicKey;
    }

    String tokensUrl() {
        return tokenEndpoint.tokensUrl();
    }
}

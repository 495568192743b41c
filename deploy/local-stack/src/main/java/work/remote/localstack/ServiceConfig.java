package work.remote.localstack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import work.remote.devinfra.DevTokens;
import work.remote.devinfra.SmtpServer;

/**
 * The configuration each service gets as system properties, which win over its {@code application.properties}:
 * where the infrastructure is, plus what the stack or a drill sets for one service. Both example seeds are on.
 */
final class ServiceConfig {

    static final String MAIL_FROM = "remote-work@localhost.test";
    static final String WEBHOOK_NAME = "T0/B0/local";
    /** The CS channel of the seeded example launch, so its announcements reach the Slack sink too. */
    static final String EXAMPLE_CS_CHANNEL = "#cs-launch-instant-withdrawals";
    static final String CS_WEBHOOK_NAME = "T0/B1/cs-launch";

    private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();

    ServiceConfig() {
        set("process-service", "process.seed-example", "true");
        set("ticket-service", "ticket.seed-example", "true");
    }

    /** Sets {@code key} for one service, e.g. a shorter SLA clock for a drill. */
    void set(String serviceName, String key, String value) {
        overrides.computeIfAbsent(serviceName, name -> new LinkedHashMap<>()).put(key, value);
    }

    Map<String, String> of(StackService service, Infrastructure infrastructure) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", Integer.toString(service.port()));
        config.put("quarkus.management.port", Integer.toString(service.managementPort()));
        config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(service));
        if (infrastructure.postgres().username() != null) {
            config.put("quarkus.datasource.username", infrastructure.postgres().username());
        }
        if (infrastructure.postgres().password() != null) {
            config.put("quarkus.datasource.password", infrastructure.postgres().password());
        }
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrap());
        config.put("mp.jwt.verify.publickey.location", infrastructure.publicKey().toString());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("quarkus.mailer.host", infrastructure.smtp().host());
        config.put("quarkus.mailer.port", Integer.toString(infrastructure.smtp().port()));
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.start-tls", SmtpServer.START_TLS);
        config.put("quarkus.mailer.from", MAIL_FROM);
        config.put("notification.slack.webhook-url", infrastructure.slack().webhookUrl(WEBHOOK_NAME));
        config.put("notification.slack.webhooks.\"" + EXAMPLE_CS_CHANNEL + "\"",
                infrastructure.slack().webhookUrl(CS_WEBHOOK_NAME));
        config.put("notification.slack.allowed-internal-hosts",
                URI.create(infrastructure.slack().baseUrl()).getHost());
        config.putAll(overrides.getOrDefault(service.name(), Map.of()));
        return config;
    }
}

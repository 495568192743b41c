package work.remote.localstack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import work.remote.devinfra.DevTokens;
import work.remote.devinfra.SlackWorkspace;
import work.remote.devinfra.SlackWorkspace.Channel;
import work.remote.devinfra.SmtpServer;

/**
 * The configuration each service gets as system properties, which win over its {@code application.properties}:
 * where the infrastructure is, plus what the stack or a drill sets for one service. Both example seeds are on.
 * The Slack app runs against the stand-in's Web API: ticket-service takes signed commands and interactions from the
 * people of the seeded launch, and notification-service posts to {@code #product} with the bot token (unless
 * {@link #productChannelOnWebhook()}); the example launch's CS channel stays on its incoming webhook.
 */
final class ServiceConfig {

    /** A person of the seeded example launch, as the Slack stand-in's directory and ticket-service's people table know them. */
    record SlackPerson(SlackWorkspace.User user, String person, String roles) {
    }

    /** A dev signing secret, like the dev tokens only for this machine: it is printed in the stack report. */
    static final String SLACK_SIGNING_SECRET = "local-stack-slack-signing-secret";
    static final Channel PRODUCT_SLACK_CHANNEL = new Channel("C0PRODUCT", "product");
    static final Channel EXAMPLE_CS_SLACK_CHANNEL = new Channel("C0CSLAUNCH", "cs-launch-instant-withdrawals");
    static final List<SlackPerson> SLACK_PEOPLE = List.of(
            new SlackPerson(new SlackWorkspace.User("U0PAULA", "paula", "paula@remote.work"), "paula", "product"),
            new SlackPerson(new SlackWorkspace.User("U0LENA", "lena", "lena@remote.work"), "lena", "cs-lead"),
            new SlackPerson(new SlackWorkspace.User("U0ALI", "ali", "ali@remote.work"), "ali", "cs-agent"),
            new SlackPerson(new SlackWorkspace.User("U0BO", "bo", "bo@remote.work"), "bo", "cs-agent"),
            new SlackPerson(new SlackWorkspace.User("U0CHEN", "chen", "chen@remote.work"), "chen", "cs-agent"));

    static final String MAIL_FROM = "remote-work@localhost.test";
    static final String WEBHOOK_NAME = "T0/B0/local";
    /** The CS channel of the seeded example launch, so its announcements reach the Slack sink too. */
    static final String EXAMPLE_CS_CHANNEL = "#cs-launch-instant-withdrawals";
    static final String CS_WEBHOOK_NAME = "T0/B1/cs-launch";

    private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
    private boolean productOnBot = true;

    ServiceConfig() {
        set("process-service", "process.seed-example", "true");
        set("ticket-service", "ticket.seed-example", "true");
    }

    /** Sets {@code key} for one service, e.g. a shorter SLA clock for a drill. */
    void set(String serviceName, String key, String value) {
        overrides.computeIfAbsent(serviceName, name -> new LinkedHashMap<>()).put(key, value);
    }

    /** Keeps {@code #product} on its incoming webhook, for the drills that count webhook calls. */
    void productChannelOnWebhook() {
        productOnBot = false;
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
        // the same id after a restart: the broker hands the restarted consumer its partitions back at once
        config.put("remote-work.instance-id", service.name() + "-" + service.port());
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
        config.put("notification.slack.api-url", infrastructure.slack().apiUrl());
        config.put("notification.slack.bot-token", SlackWorkspace.BOT_TOKEN);
        if (productOnBot) {
            config.put("notification.slack.bot-channels.\"#" + PRODUCT_SLACK_CHANNEL.name() + "\"",
                    PRODUCT_SLACK_CHANNEL.id());
        }
        config.put("ticket.slack.enabled", "true");
        config.put("ticket.slack.api-url", infrastructure.slack().apiUrl());
        config.put("ticket.slack.bot-token", SlackWorkspace.BOT_TOKEN);
        config.put("ticket.slack.signing-secret", SLACK_SIGNING_SECRET);
        for (SlackPerson person : SLACK_PEOPLE) {
            config.put("ticket.slack.people." + person.user().id() + ".person", person.person());
            config.put("ticket.slack.people." + person.user().id() + ".roles", person.roles());
            config.put("notification.slack.people.\"" + person.person() + "\"", person.user().id());
        }
        config.putAll(overrides.getOrDefault(service.name(), Map.of()));
        return config;
    }
}

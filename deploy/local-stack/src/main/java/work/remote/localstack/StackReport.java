package work.remote.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import work.remote.devinfra.DevTokens;

/**
 * What a running stack tells a developer: where everything is, a bearer token per role (for {@code dev-<role>}),
 * how to mint one for any person, and an example request, on the console and in {@code stack.properties} for
 * scripts and the benchmark.
 */
final class StackReport {

    private static final String EXAMPLE_TICKET = "{\"title\":\"Withdrawals fail for user 42\",\"type\":\"BUG\","
            + "\"impact\":\"WITHDRAWAL_BLOCKED\",\"affectedUsers\":1,\"description\":\"Error W-17 on every withdrawal\"}";

    private final List<StackService> services;
    private final StackPorts ports;
    private final Infrastructure infrastructure;
    private final ServiceProcesses processes;
    private final StackControl control;
    private final ConsoleProcess console;
    private final Path properties;
    private final Map<String, String> roleTokens = new LinkedHashMap<>();

    StackReport(List<StackService> services, StackPorts ports, Infrastructure infrastructure,
            ServiceProcesses processes, StackControl control, ConsoleProcess console, Path home) {
        this.services = services;
        this.ports = ports;
        this.infrastructure = infrastructure;
        this.processes = processes;
        this.control = control;
        this.console = console;
        this.properties = home.resolve("stack.properties");
        for (String role : DevTokens.ROLES) {
            roleTokens.put(role, infrastructure.tokens().token("dev-" + role, role));
        }
    }

    /** Writes {@code stack.properties}; again after a service restarted, for its new pid. */
    synchronized void writeProperties() {
        Properties stack = new Properties();
        for (StackService service : services) {
            stack.setProperty(service.database() + ".url", service.url());
            stack.setProperty(service.database() + ".management.url", service.managementUrl());
            stack.setProperty(service.database() + ".pid", Long.toString(processes.status(service).pid()));
        }
        if (console != null) {
            stack.setProperty("console.url", console.url());
        }
        stack.setProperty("services.url", control.servicesUrl());
        stack.setProperty("slack.sink.url", infrastructure.sinkUrl());
        stack.setProperty("mail.url", infrastructure.sinkUrl() + "/mail");
        stack.setProperty("kafka.bootstrap", infrastructure.kafkaBootstrap());
        stack.setProperty("tokens.url", infrastructure.tokensUrl());
        stack.setProperty("slack.signing-secret", ServiceConfig.SLACK_SIGNING_SECRET);
        roleTokens.forEach((role, token) -> stack.setProperty("token." + role, token));
        try (Writer writer = Files.newBufferedWriter(properties)) {
            stack.store(writer, "remote-work local stack; tokens are valid for 12 hours");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + properties, e);
        }
    }

    /** The table of URLs, the tokens, how to get one for anybody, and an example request. */
    String summary() {
        List<String[]> rows = new ArrayList<>();
        if (console != null) {
            rows.add(new String[] { "Console", console.url() + "  (sign in as any person and roles)" });
            rows.add(new String[] { "  log", console.log().toString() });
        }
        for (StackService service : services) {
            rows.add(new String[] { service.name(), service.url() });
            rows.add(new String[] { "  started", processes.status(service).describe() });
            rows.add(new String[] { "  OpenAPI", service.url() + "/q/openapi" });
            rows.add(new String[] { "  health", service.managementUrl() + "/q/health" });
            rows.add(new String[] { "  metrics", service.managementUrl() + "/q/metrics" });
            rows.add(new String[] { "  database", infrastructure.jdbcUrl(service) });
            rows.add(new String[] { "  log", processes.log(service).toString() });
        }
        String postgresUser = infrastructure.postgres().username();
        rows.add(new String[] { "Kafka bootstrap", infrastructure.kafkaBootstrap() });
        rows.add(new String[] { "PostgreSQL user", postgresUser != null ? postgresUser : "(driver default)" });
        rows.add(new String[] { "Slack webhook calls", infrastructure.sinkUrl() + "/calls" });
        rows.add(new String[] { "Slack app messages", infrastructure.sinkUrl() + "/messages" });
        rows.add(new String[] { "Mail received", infrastructure.sinkUrl() + "/mail" });
        rows.add(new String[] { "SMTP", infrastructure.smtp().host() + ":" + infrastructure.smtp().port() });
        rows.add(new String[] { "Tokens for anyone", infrastructure.tokensUrl() + "?person=<name>&roles=<role,...>" });
        rows.add(new String[] { "Services: pid, start, RSS", control.servicesUrl() });
        rows.add(new String[] { "Restart one, timed", "curl -X POST " + control.servicesUrl() + "/<service>/restart" });
        rows.add(new String[] { "JWT public key", infrastructure.publicKey().toString() });
        rows.add(new String[] { "Stack properties", properties.toString() });
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + 2;

        String newline = System.lineSeparator();
        StringBuilder out = new StringBuilder(newline);
        if (console != null) {
            out.append("Open the console: ").append(console.url()).append(newline).append(newline);
        }
        out.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", "WHAT", "WHERE"));
        rows.forEach(row -> out.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", row[0], row[1])));
        out.append(newline).append("Bearer tokens, valid for 12 hours:").append(newline);
        roleTokens.forEach((role, token) -> out.append("export TOKEN_")
                .append(role.toUpperCase(Locale.ROOT).replace('-', '_')).append('=').append(token).append(newline));
        out.append(newline).append("A token for any person, with one or more of the roles ")
                .append(String.join(", ", DevTokens.ROLES)).append(':').append(newline)
                .append("TOKEN=$(curl -s '").append(infrastructure.tokensUrl()).append("?person=lena&roles=cs-lead')")
                .append(newline);
        out.append(newline).append("Report a critical issue as the CS agent ali:").append(newline)
                .append("TOKEN=$(curl -s '").append(infrastructure.tokensUrl()).append("?person=ali&roles=cs-agent')")
                .append(newline)
                .append("curl -X POST localhost:").append(ports.ticket())
                .append("/tickets -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '")
                .append(EXAMPLE_TICKET).append('\'').append(newline);
        out.append(newline).append("The Slack app without Slack (signing secret ").append(ServiceConfig.SLACK_SIGNING_SECRET)
                .append("; people ").append(ServiceConfig.SLACK_PEOPLE.stream()
                        .map(person -> person.user().id() + "=" + person.person() + " (" + person.roles() + ")")
                        .collect(Collectors.joining(", ")))
                .append("):").append(newline)
                .append("curl -X POST '").append(infrastructure.sinkUrl()).append("/slack/try/report?user=U0ALI&channel=")
                .append(ServiceConfig.EXAMPLE_CS_SLACK_CHANNEL.id()).append("&channelName=")
                .append(ServiceConfig.EXAMPLE_CS_SLACK_CHANNEL.name())
                .append("&title=Withdrawals+fail+for+user+7&impact=WITHDRAWAL_BLOCKED'").append(newline)
                .append("curl -X POST '").append(infrastructure.sinkUrl())
                .append("/slack/try/press?user=U0PAULA&action=ticket.acknowledge&ticket=<ticket id>'").append(newline)
                .append("curl -s ").append(infrastructure.sinkUrl()).append("/messages").append(newline)
                .append(newline).append("Ctrl-C stops everything.").append(newline);
        return out.toString();
    }
}

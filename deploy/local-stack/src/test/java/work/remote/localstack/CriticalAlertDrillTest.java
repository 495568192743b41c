package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.SlackSink;

/**
 * The product's core promise under faults, drilled with the built service jars on the real broker and database:
 * every critical report reaches {@code #product} exactly once through a Slack storm and a database failover, two
 * notification-service replicas together keep a channel's rate limit, and the largest meeting conclusion the API
 * accepts blocks no outbox. Every drill counts each message at the Slack sink and checks that no record went to a
 * dead-letter topic. The figures are printed for the README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CriticalAlertDrillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TICKET_LINK = Pattern.compile("/tickets/([0-9a-f-]{36})");
    private static final String PRODUCT_WEBHOOK = "/services/" + ServiceConfig.WEBHOOK_NAME;
    private static final String RATE_LIMITED_WEBHOOK = "T0/B9/drill-rate";
    private static final List<String> DEAD_LETTER_TOPICS = List.of("remote-work.process.dead-letter",
            "remote-work.meeting.dead-letter", "remote-work.ticket.dead-letter", "remote-work.notification.dead-letter");

    @TempDir
    static Path home;

    static LocalStack stack;
    static Properties running;
    static SlackSink slack;
    static RecordingConsumer deadLetters;
    static RecordingConsumer meetingEvents;
    static final Map<String, Instant> reportedAt = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTwoNotificationReplicas() throws IOException {
        stack = new LocalStack(Path.of("../.."), home, Map.of(), LocalStackTest.freePorts());
        stack.onlyServices("meeting-service", "ticket-service", "notification-service");
        // counts the webhook calls to #product: the incoming webhooks stay supported (SlackAppEndToEndTest: the bot)
        stack.productChannelOnWebhook();
        stack.configure("ticket-service", "ticket.seed-example", "false");
        // #product is registered at start with this limit; the replicas drill has a 1/s channel of its own
        stack.configure("notification-service", "notification.slack.rate-limit.per-second", "100");
        stack.configure("notification-service", "notification.slack.rate-limit.burst", "100");
        stack.start();
        stack.startReplica("notification-service", LocalStackTest.free(), LocalStackTest.free());
        running = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("stack.properties"))) {
            running.load(in);
        }
        slack = stack.slackSink();
        deadLetters = RecordingConsumer.of(running.getProperty("kafka.bootstrap"),
                DEAD_LETTER_TOPICS.toArray(String[]::new));
        meetingEvents = RecordingConsumer.of(running.getProperty("kafka.bootstrap"), "remote-work.meeting.events");
    }

    @AfterAll
    static void stopIt() {
        for (AutoCloseable resource : new AutoCloseable[] { deadLetters, meetingEvents }) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("closing " + resource + " failed: " + e);
                }
            }
        }
        if (slack != null) {
            slack.clearFaults();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void aSlackStormDeliversEveryCriticalReportExactlyOnce() throws Exception {
        slack.injectFaults(0.30, 0.10, Duration.ofSeconds(1), 20261130L);
        Instant begin = Instant.now();
        List<String> tickets = reportAtRate(200, 20, i -> critical(i % 10 == 0 ? longestTitle(i) : "Withdrawals fail for user " + i));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deliveredTo(PRODUCT_WEBHOOK, tickets).size() == tickets.size());
        Instant lastDelivered = lastDelivery(PRODUCT_WEBHOOK, tickets);
        slack.clearFaults();
        assertExactlyOnceAfterQuietPeriod(PRODUCT_WEBHOOK, tickets);

        long refused = callsFor(PRODUCT_WEBHOOK, tickets).stream().filter(call -> call.status() != 200).count();
        figures("storm", PRODUCT_WEBHOOK, tickets, inOrder(
                "Slack answers that were not 200 (retried)", refused,
                "dead deliveries", deadDeliveries(),
                "dead-letter records", (long) deadLetters.records().size(),
                "first report to last delivery, ms", Duration.between(begin, lastDelivered).toMillis(),
                "report to Slack p50 ms", percentile(latencies(PRODUCT_WEBHOOK, tickets), 50),
                "report to Slack p99 ms", percentile(latencies(PRODUCT_WEBHOOK, tickets), 99)));
        assertThat(refused).as("the storm really refused some calls").isGreaterThan(20);
        assertThat(deadDeliveries()).isZero();
        assertThat(deadLetters.records()).isEmpty();
    }

    @Test
    @Order(2)
    void aDatabaseFailoverLosesAndDoublesNothing() throws Exception {
        AtomicInteger terminated = new AtomicInteger();
        ScheduledExecutorService failover = Executors.newSingleThreadScheduledExecutor();
        Instant faultsEnd;
        List<String> tickets;
        try (Connection admin = adminConnection("notification")) {
            failover.scheduleAtFixedRate(() -> terminated.addAndGet(terminateOtherConnections(admin)), 0, 50,
                    TimeUnit.MILLISECONDS);
            tickets = reportAtRate(150, 10, i -> critical("Trading blocked for user " + i));
            failover.shutdown();
            assertThat(failover.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            faultsEnd = Instant.now();
        } finally {
            failover.shutdownNow();
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deliveredTo(PRODUCT_WEBHOOK, tickets).size() == tickets.size());
        Instant lastDelivered = lastDelivery(PRODUCT_WEBHOOK, tickets);
        assertExactlyOnceAfterQuietPeriod(PRODUCT_WEBHOOK, tickets);

        figures("failover", PRODUCT_WEBHOOK, tickets, inOrder(
                "database connections terminated", (long) terminated.get(),
                "dead deliveries", deadDeliveries(),
                "dead-letter records", (long) deadLetters.records().size(),
                "end of the faults to the last delivery, ms",
                Math.max(0, Duration.between(faultsEnd, lastDelivered).toMillis()),
                "report to Slack p50 ms", percentile(latencies(PRODUCT_WEBHOOK, tickets), 50),
                "report to Slack p99 ms", percentile(latencies(PRODUCT_WEBHOOK, tickets), 99)));
        assertThat(terminated.get()).as("the drill really dropped connections").isGreaterThan(10);
        assertThat(deadDeliveries()).isZero();
        assertThat(deadLetters.records()).isEmpty();
    }

    @Test
    @Order(3)
    void twoReplicasTogetherKeepAChannelsRateLimit() throws Exception {
        String ops = stack.token("drill-ops", "ops");
        assertThat(send(ops, "POST", running.getProperty("notification.url") + "/channels", Map.of(
                "name", "#drill-rate", "webhookUrl", slack.webhookUrl(RATE_LIMITED_WEBHOOK),
                "ratePerSecond", 1, "burst", 3)).statusCode()).isEqualTo(201);
        assertThat(send(ops, "POST", running.getProperty("notification.url") + "/routes", Map.of(
                "name", "drill-tickets-to-rate-limited-channel", "eventType", "work.remote.ticket.TicketOpened",
                "targets", List.of(Map.of("kind", "SLACK_CHANNEL", "value", "#drill-rate")))).statusCode())
                .isEqualTo(201);
        String path = "/services/" + RATE_LIMITED_WEBHOOK;

        List<String> tickets = reportAtRate(20, 50, i -> Map.of("title", "Where is the fee table? #" + i,
                "type", "QUESTION", "impact", "NONE", "affectedUsers", 0));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deliveredTo(path, tickets).size() == tickets.size());
        assertExactlyOnceAfterQuietPeriod(path, tickets);

        List<Instant> arrivals = callsFor(path, tickets).stream().filter(call -> call.status() == 200)
                .map(SlackSink.SlackCall::receivedAt).sorted().toList();
        int busiestSecond = busiestSecond(arrivals);
        figures("replicas", path, tickets, inOrder(
                "most messages in any one second", (long) busiestSecond,
                "first to last message, ms", Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)).toMillis()));
        assertThat(busiestSecond).isLessThanOrEqualTo(4);
        assertThat(Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(tickets.size() - 3 - 1));
    }

    @Test
    @Order(4)
    void theLargestConclusionTheApiAllowsBlocksNoOutbox() throws Exception {
        String meetingUrl = running.getProperty("meeting.url");
        JsonNode schemas = JSON.readTree(send(null, "GET", meetingUrl + "/q/openapi?format=json", null).body())
                .path("components").path("schemas");
        int feedbackItems = schemas.path("ConcludeRequest").path("properties").path("feedback").path("maxItems").asInt();
        int feedbackLength = schemas.path("FeedbackRequest").path("properties").path("text").path("maxLength").asInt();
        int decisions = schemas.path("ConcludeRequest").path("properties").path("decisions").path("maxItems").asInt();
        int decisionLength = schemas.path("ConcludeRequest").path("properties").path("decisions").path("items")
                .path("maxLength").asInt();
        assertThat(feedbackItems * feedbackLength).as("bounds read from the OpenAPI document").isPositive();

        String host = stack.token("drill-host", "product");
        List<String> people = IntStream.rangeClosed(1, 5).mapToObj(i -> "cs-" + i).toList();
        String meeting = planDiscussion(host, people);
        assertThat(send(host, "POST", meetingUrl + "/meetings/" + meeting + "/start", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send(host, "PUT", meetingUrl + "/meetings/" + meeting + "/attendance", Map.of("present", people))
                .statusCode()).isEqualTo(200);
        List<Map<String, Object>> feedback = IntStream.range(0, feedbackItems)
                .mapToObj(i -> Map.<String, Object>of("author", people.get(i % people.size()), "kind", "PROBLEM",
                        "text", filler("feedback " + i, feedbackLength)))
                .toList();
        List<String> decided = IntStream.range(0, decisions).mapToObj(i -> filler("decision " + i, decisionLength))
                .toList();
        HttpResponse<String> concluded = send(host, "POST", meetingUrl + "/meetings/" + meeting + "/conclusion",
                Map.of("decisions", decided, "feedback", feedback));

        System.out.printf(Locale.ROOT, "[drill] big event: %d feedback items of %d characters, %d decisions of %d: "
                + "%d, request body %d bytes%n", feedbackItems, feedbackLength, decisions, decisionLength,
                concluded.statusCode(), JSON.writeValueAsBytes(Map.of("decisions", decided, "feedback", feedback)).length);
        assertThat(concluded.statusCode()).as(concluded.body()).isIn(200, 400, 413);
        if (concluded.statusCode() != 200) {
            assertThat(concluded.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        String later = planDiscussion(host, people.subList(0, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> !meetingEvents.withKey(later).isEmpty());
        if (concluded.statusCode() == 200) {
            await().atMost(Duration.ofSeconds(60)).until(() -> meetingEvents.withKey(meeting).stream()
                    .anyMatch(record -> ceType(record).endsWith("MeetingConcluded")));
        }
        List<String> afterwards = reportAtRate(1, 1, i -> critical("Funds shown wrong after the big meeting"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> deliveredTo(PRODUCT_WEBHOOK, afterwards).size() == 1);
        assertThat(deadLetters.records()).isEmpty();
    }

    private static Map<String, Object> critical(String title) {
        return Map.of("title", title, "type", "BUG", "impact", "WITHDRAWAL_BLOCKED", "affectedUsers", 1,
                "impactDetail", "<!channel> see <https://evil.example|the status page> & retry");
    }

    /** A title of the longest length the API accepts, 200 characters. */
    private static String longestTitle(int i) {
        return filler("Withdrawals fail for every user in region " + i, 200);
    }

    private static String filler(String start, int length) {
        StringBuilder text = new StringBuilder(start).append(' ');
        while (text.length() < length) {
            text.append("lorem ipsum ");
        }
        return text.substring(0, length);
    }

    /** Files {@code count} tickets at {@code perSecond} as a CS agent; all must be accepted. Returns their ids. */
    private static List<String> reportAtRate(int count, int perSecond, IntFunction<Map<String, Object>> ticket)
            throws InterruptedException {
        String agent = running.getProperty("token.cs-agent");
        String url = running.getProperty("ticket.url") + "/tickets";
        List<String> ids = new ArrayList<>();
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        Map<Integer, String> created = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        try {
            pacer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= count) {
                    return;
                }
                try {
                    HttpResponse<String> response = send(agent, "POST", url, ticket.apply(i));
                    if (response.statusCode() == 201) {
                        String id = JSON.readTree(response.body()).path("id").asText();
                        reportedAt.put(id, Instant.now());
                        created.put(i, id);
                    } else {
                        failures.put(i, response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failures.put(i, e.toString());
                } finally {
                    done.countDown();
                }
            }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            assertThat(done.await(count / perSecond + 60L, TimeUnit.SECONDS)).isTrue();
        } finally {
            pacer.shutdownNow();
        }
        assertThat(failures).isEmpty();
        for (int i = 0; i < count; i++) {
            ids.add(created.get(i));
        }
        return ids;
    }

    /**
     * Plans a discussion of a launch planned through ticket-service (this stack runs no process-service), which
     * meeting-service learns from {@code LaunchPlanned}; until it has, planning is refused naming {@code subject.id}.
     */
    private static String planDiscussion(String host, List<String> people) throws Exception {
        HttpResponse<String> launch = send(host, "POST", running.getProperty("ticket.url") + "/launches", Map.of(
                "feature", "Refund escalation", "plannedLaunchAt", "2030-03-04T09:00:00", "timeZone", "Europe/Berlin",
                "productOwner", "drill-host", "csLead", "lena", "csAgents", List.of("ali"),
                "csChannel", "#cs-drill", "rulesDocumentLink", "https://docs.remote.work/rules/refund-escalation"));
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(201);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "DISCUSSION");
        request.put("subject", Map.of("kind", "LAUNCH", "id", JSON.readTree(launch.body()).path("id").asText(),
                "title", "Refund escalation"));
        request.put("startsAt", Map.of("at", "2026-12-01T09:00", "zone", "Europe/Berlin"));
        request.put("durationMinutes", 45);
        request.put("invitees", people.stream().map(person -> Map.of("person", person, "functionGroup", "CS")).toList());
        HttpResponse<String> planned = await().atMost(Duration.ofSeconds(60)).until(
                () -> send(host, "POST", running.getProperty("meeting.url") + "/meetings", request),
                response -> response.statusCode() != 400 || !response.body().contains("subject.id"));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        return JSON.readTree(planned.body()).path("id").asText();
    }

    /** The webhook calls to {@code path} about one of {@code tickets}, whatever they were answered. */
    private static List<SlackSink.SlackCall> callsFor(String path, Collection<String> tickets) {
        return slack.calls().stream()
                .filter(call -> call.path().equals(path))
                .filter(call -> ticketOf(call).filter(tickets::contains).isPresent())
                .toList();
    }

    /** How many times each of {@code tickets} was posted to {@code path} and answered 200. */
    private static Map<String, Long> deliveredTo(String path, Collection<String> tickets) {
        return callsFor(path, tickets).stream().filter(call -> call.status() == 200)
                .collect(Collectors.groupingBy(call -> ticketOf(call).orElseThrow(), Collectors.counting()));
    }

    private static Instant lastDelivery(String path, Collection<String> tickets) {
        return callsFor(path, tickets).stream().filter(call -> call.status() == 200)
                .map(SlackSink.SlackCall::receivedAt).max(Instant::compareTo).orElseThrow();
    }

    private static void assertExactlyOnceAfterQuietPeriod(String path, List<String> tickets) {
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> deliveredTo(path, tickets).values().stream().allMatch(count -> count == 1));
        Map<String, Long> delivered = deliveredTo(path, tickets);
        assertThat(delivered).hasSize(tickets.size());
        assertThat(delivered.values()).allMatch(count -> count == 1, "delivered exactly once");
    }

    private static Optional<String> ticketOf(SlackSink.SlackCall call) {
        Matcher link = TICKET_LINK.matcher(call.body());
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }

    /** Milliseconds from each report's 201 to its message's 200 at the sink, ascending. */
    private static List<Long> latencies(String path, Collection<String> tickets) {
        return callsFor(path, tickets).stream().filter(call -> call.status() == 200)
                .map(call -> Duration.between(reportedAt.get(ticketOf(call).orElseThrow()), call.receivedAt()).toMillis())
                .sorted().toList();
    }

    private static long percentile(List<Long> ascending, int percent) {
        return ascending.get(Math.max(0, (int) Math.ceil(ascending.size() * percent / 100.0) - 1));
    }

    private static int busiestSecond(List<Instant> arrivals) {
        int busiest = 0;
        for (int first = 0; first < arrivals.size(); first++) {
            Instant windowEnd = arrivals.get(first).plusSeconds(1);
            int inWindow = (int) arrivals.stream().skip(first).takeWhile(at -> at.isBefore(windowEnd)).count();
            busiest = Math.max(busiest, inWindow);
        }
        return busiest;
    }

    private static long deadDeliveries() throws Exception {
        HttpResponse<String> dead = send(running.getProperty("token.ops"), "GET",
                running.getProperty("notification.url") + "/deliveries?state=DEAD&size=1", null);
        assertThat(dead.statusCode()).isEqualTo(200);
        return JSON.readTree(dead.body()).path("total").asLong();
    }

    private static Connection adminConnection(String database) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(database), stack.postgres().username(),
                stack.postgres().password());
    }

    /** What a failover looks like to a client: every connection of the database but this one is dropped. */
    private static int terminateOtherConnections(Connection admin) {
        try (Statement statement = admin.createStatement();
                var result = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where datname = current_database() and pid <> pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the connections", e);
        }
    }

    private static String ceType(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String token, String method, String url, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Figures by name, in the order given: name, value, name, value... */
    private static Map<String, Long> inOrder(Object... namesAndValues) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).longValue());
        }
        return figures;
    }

    private static void figures(String drill, String path, List<String> tickets, Map<String, Long> figures) {
        Map<String, Long> delivered = deliveredTo(path, tickets);
        StringBuilder line = new StringBuilder("[drill] ").append(drill).append(": ").append(tickets.size())
                .append(" messages, lost ").append(tickets.size() - delivered.size())
                .append(", doubled ").append(delivered.values().stream().filter(count -> count > 1).count());
        figures.forEach((name, value) -> line.append(", ").append(name).append(' ').append(value));
        System.out.println(line);
    }
}

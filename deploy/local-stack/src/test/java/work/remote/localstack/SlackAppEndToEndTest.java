package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.SlackRequests;
import work.remote.devinfra.SlackRequests.SlackRequest;
import work.remote.devinfra.SlackRequests.ViewState;
import work.remote.devinfra.SlackSink;
import work.remote.devinfra.SlackWorkspace;
import work.remote.devinfra.SlackWorkspace.Channel;
import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SlackWorkspace.OpenedView;
import work.remote.devinfra.SlackWorkspace.User;

/**
 * The Slack app on the local stack: the built ticket-service and notification-service jars, the real broker and
 * database, and the Slack stand-in playing Slack (its Web API, and the signed requests Slack sends). A CS agent
 * files a money problem with {@code /report} from the seeded launch's CS channel, the product owner acknowledges it
 * with the button on the message in {@code #product}, the message updates in place and gets the SLA warning in its
 * thread; a report nobody acknowledges escalates once. The SLA clock and the escalation run in seconds on this stack
 * (the 3-hour deadline stays), as {@link SlaClockDrillTest} does. The latencies are printed for the README.
 */
class SlackAppEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Channel CS_CHANNEL = ServiceConfig.EXAMPLE_CS_SLACK_CHANNEL;
    private static final Channel PRODUCT = ServiceConfig.PRODUCT_SLACK_CHANNEL;
    private static final User ALI = person("ali");
    private static final User LENA = person("lena");
    private static final User PAULA = person("paula");
    private static final User STRANGER = new User("U0STRANGER", "sam", "sam@elsewhere.example");
    private static final int ROUNDS = 3;

    @TempDir
    static Path home;

    static LocalStack stack;
    static Properties running;
    static SlackSink slack;
    static SlackWorkspace workspace;
    static SlackRequests requests;
    static RecordingConsumer ticketEvents;
    static URI commands;
    static URI interactions;
    static String parentId;

    @BeforeAll
    static void startTheSlackApp() throws Exception {
        stack = new LocalStack(Path.of("../.."), home, Map.of(), LocalStackTest.freePorts());
        stack.onlyServices("ticket-service", "notification-service");
        stack.configure("ticket-service", "ticket.sla.at-risk-after", "PT30S");
        stack.configure("ticket-service", "ticket.sla.check-interval", "1s");
        stack.configure("ticket-service", "ticket.escalation.unacknowledged-after", "10s");
        stack.start();
        running = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("stack.properties"))) {
            running.load(in);
        }
        slack = stack.slackSink();
        workspace = slack.workspace();
        workspace.addUser(STRANGER);
        requests = slack.requests(running.getProperty("slack.signing-secret"));
        ticketEvents = RecordingConsumer.of(running.getProperty("kafka.bootstrap"), "remote-work.ticket.events");
        commands = URI.create(running.getProperty("ticket.url") + "/slack/commands");
        interactions = URI.create(running.getProperty("ticket.url") + "/slack/interactions");
        JsonNode live = get("/launches?state=LIVE").path("items").get(0);
        assertThat(live.path("csChannel").asText()).isEqualTo("#" + CS_CHANNEL.name());
        parentId = live.path("parentTicketId").asText();
    }

    @AfterAll
    static void stopIt() {
        if (ticketEvents != null) {
            ticketEvents.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aReportFromTheCsChannelIsAcknowledgedInProductAndItsMessageUpdatedInPlace() throws Exception {
        List<Long> submissionToMessage = new ArrayList<>();
        List<Long> pressToUpdate = new ArrayList<>();
        Message first = null;
        String firstId = null;
        for (int round = 1; round <= ROUNDS; round++) {
            String title = "Withdrawals fail for user " + (40 + round);
            // (1) /report in the launch's CS channel opens the modal; submitted as the CS agent
            SlackRequest command = requests.slashCommand("/report", title, ALI, CS_CHANNEL);
            assertThat(command.signed().sendTo(commands).statusCode()).isEqualTo(200);
            OpenedView modal = awaitModal(command.triggerId());
            assertThat(modal.callbackId()).isEqualTo("report_ticket");
            assertThat(initialValue(modal, "parentId")).isEqualTo(parentId);
            HttpResponse<String> submitted = requests.viewSubmission(ALI, modal, new ViewState()
                    .text("title", "title", title)
                    .option("type", "type", "BUG")
                    .option("impact", "impact", "WITHDRAWAL_BLOCKED")
                    .number("affectedUsers", "affectedUsers", "1")
                    .text("description", "description", "Error W-17 on the withdrawal screen")
                    .text("parentId", "parentId", parentId)).signed().sendTo(interactions);
            Instant answered = Instant.now();
            assertThat(submitted.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(submitted.body()).path("response_action").asText()).isEqualTo("update");

            // (2) the critical ticket, filed as the mapped person, with 3 hours
            JsonNode ticket = ticketTitled(title);
            String id = ticket.path("id").asText();
            assertThat(ticket.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(ticket.path("reporter").asText()).isEqualTo("ali");
            assertThat(Duration.between(Instant.parse(ticket.path("reportedAt").asText()),
                    Instant.parse(ticket.path("resolveBy").asText()))).isEqualTo(Duration.ofHours(3));

            // (3) the message in #product with its buttons
            Message reported = await().atMost(Duration.ofSeconds(60))
                    .until(() -> messageAbout(id), Optional::isPresent).orElseThrow();
            submissionToMessage.add(Duration.between(answered, reported.at()).toMillis());
            assertThat(buttons(reported)).containsExactly("ticket.acknowledge", "ticket.resolve");

            // (4) Acknowledge pressed by the product owner
            HttpResponse<String> pressed = requests.blockActions(PAULA, PRODUCT, reported, "ticket.acknowledge", id)
                    .signed().sendTo(interactions);
            Instant pressAnswered = Instant.now();
            assertThat(pressed.statusCode()).isEqualTo(200);

            // (5) in progress with her as assignee, and the message updated in place
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/tickets/" + id).path("state").asText(),
                    "IN_PROGRESS"::equals);
            assertThat(get("/tickets/" + id).path("assignee").asText()).isEqualTo("paula");
            Message acknowledged = await().atMost(Duration.ofSeconds(60)).until(
                    () -> workspace.history(PRODUCT.id(), reported.ts()).stream()
                            .filter(version -> version.blocks().toString().contains("Acknowledged by")).findFirst(),
                    Optional::isPresent).orElseThrow();
            pressToUpdate.add(Duration.between(pressAnswered, acknowledged.at()).toMillis());
            assertThat(acknowledged.blocks().toString()).contains("paula").contains("IN_PROGRESS").contains("Time left");
            assertThat(workspace.history(PRODUCT.id(), reported.ts())).hasSizeGreaterThanOrEqualTo(2);
            assertThat(buttons(workspace.message(PRODUCT.id(), reported.ts()).orElseThrow()))
                    .containsExactly("ticket.resolve");
            if (first == null) {
                first = reported;
                firstId = id;
            }
        }

        // (6) the SLA-at-risk warning in the report's thread
        String firstTs = first.ts();
        Message atRisk = await().atMost(Duration.ofSeconds(90)).until(() -> workspace.replies(PRODUCT.id(), firstTs)
                .stream().filter(reply -> reply.text().startsWith("SLA at risk")).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(atRisk.threadTs()).isEqualTo(firstTs);

        // the stand-in's try-out route presses Resolve as Slack would: resolved, and no buttons left
        JsonNode resolve = tryOut("/slack/try/press", Map.of("user", PAULA.id(), "action", "ticket.resolve",
                "ticket", firstId));
        assertThat(resolve.path("press").path("status").asInt()).isEqualTo(200);
        String resolvedId = firstId;
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/tickets/" + resolvedId).path("state").asText(),
                "RESOLVED"::equals);
        await().atMost(Duration.ofSeconds(60)).until(
                () -> buttons(workspace.message(PRODUCT.id(), firstTs).orElseThrow()).isEmpty());

        System.out.printf("[slack] view submission answered -> message in #product: median %d ms %s%n",
                median(submissionToMessage), submissionToMessage);
        System.out.printf("[slack] Acknowledge press answered -> message updated in place: median %d ms %s%n",
                median(pressToUpdate), pressToUpdate);
    }

    @Test
    void aReportNobodyAcknowledgesIsEscalatedOnce() throws Exception {
        String title = "Trading blocked for user 9";
        JsonNode reported = tryOut("/slack/try/report", Map.of("user", LENA.id(), "channel", CS_CHANNEL.id(),
                "channelName", CS_CHANNEL.name(), "title", title, "impact", "TRADING_BLOCKED"));
        assertThat(reported.path("command").path("status").asInt()).isEqualTo(200);
        assertThat(reported.path("submission").path("status").asInt()).isEqualTo(200);
        JsonNode ticket = ticketTitled(title);
        String id = ticket.path("id").asText();
        assertThat(ticket.path("reporter").asText()).isEqualTo("lena");
        assertThat(ticket.path("severity").asText()).isEqualTo("CRITICAL");

        await().atMost(Duration.ofSeconds(60)).until(() -> escalations(id, 1) == 1);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> escalations(id, 1) == 1);
        Message message = await().atMost(Duration.ofSeconds(60)).until(() -> messageAbout(id), Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> workspace.replies(PRODUCT.id(), message.ts()).stream()
                .filter(reply -> reply.text().startsWith("Escalated (level 1)")).count() == 1);
    }

    @Test
    void aForgedSignatureAReplayedTimestampAndAnUnmappedUserAreRefused() throws Exception {
        int before = get("/tickets?parentId=" + parentId).path("total").asInt();

        SlackRequest forged = requests.slashCommand("/report", "Forged", ALI, CS_CHANNEL);
        assertRefused(forged.signedWith("not-the-signing-secret", Instant.now()).sendTo(commands));
        SlackRequest replayed = requests.slashCommand("/report", "Replayed", ALI, CS_CHANNEL);
        assertRefused(replayed.signedAt(Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(10)).sendTo(commands));
        SlackRequest press = requests.blockActions(PAULA, CS_CHANNEL,
                workspace.say(CS_CHANNEL.id(), ALI, "anything"), "ticket.acknowledge", parentId);
        assertRefused(press.signedWith("not-the-signing-secret", Instant.now()).sendTo(interactions));

        SlackRequest unmapped = requests.slashCommand("/report", "Let me in", STRANGER, CS_CHANNEL);
        assertThat(unmapped.signed().sendTo(commands).statusCode()).isEqualTo(200);
        JsonNode reply = await().atMost(Duration.ofSeconds(30))
                .until(() -> workspace.responses(unmapped.responseUrl()), posts -> !posts.isEmpty()).get(0).body();
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asText()).contains(STRANGER.id()).contains("ticket.slack.people");
        HttpResponse<String> sneaked = requests.viewSubmission(STRANGER, "report_ticket", "{}", new ViewState()
                .text("title", "title", "Sneaked in")
                .option("type", "type", "BUG")
                .option("impact", "impact", "TRADING_BLOCKED")
                .number("affectedUsers", "affectedUsers", "1")
                .text("parentId", "parentId", parentId)).signed().sendTo(interactions);
        assertThat(sneaked.body()).contains(STRANGER.id());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> workspace.views().stream()
                .noneMatch(view -> Set.of(forged.triggerId(), replayed.triggerId(), unmapped.triggerId())
                        .contains(view.triggerId()))
                && workspace.responses(forged.responseUrl()).isEmpty()
                && workspace.responses(replayed.responseUrl()).isEmpty()
                && workspace.responses(press.responseUrl()).isEmpty());
        assertThat(get("/tickets?parentId=" + parentId).path("total").asInt()).isEqualTo(before);
    }

    private static User person(String name) {
        return ServiceConfig.SLACK_PEOPLE.stream().filter(person -> person.person().equals(name)).findFirst()
                .orElseThrow().user();
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("bad-slack-signature");
    }

    private static OpenedView awaitModal(String triggerId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> workspace.views().stream()
                .filter(view -> view.triggerId().equals(triggerId)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String initialValue(OpenedView modal, String blockId) {
        for (JsonNode block : modal.view().path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block.path("element").path("initial_value").asText(null);
            }
        }
        throw new AssertionError("no block " + blockId + " in " + modal.view());
    }

    /** The first message in {@code #product} about the ticket (not a thread reply), as it is now. */
    private static Optional<Message> messageAbout(String ticketId) {
        return workspace.messages(PRODUCT.id()).stream()
                .filter(message -> !message.inThread() && message.blocks().toString().contains("/tickets/" + ticketId))
                .findFirst();
    }

    private static List<String> buttons(Message message) {
        List<String> actions = new ArrayList<>();
        for (JsonNode block : message.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (element.hasNonNull("action_id") && element.path("action_id").asText().startsWith("ticket.")) {
                    actions.add(element.path("action_id").asText());
                }
            }
        }
        return actions;
    }

    /** The {@code CriticalIssueEscalated} events of {@code level} about the ticket, one per {@code ce_id}. */
    private static long escalations(String ticketId, int level) {
        Set<String> ceIds = new HashSet<>();
        return ticketEvents.records().stream()
                .filter(record -> header(record, "ce_type").endsWith(".CriticalIssueEscalated"))
                .filter(record -> ceIds.add(header(record, "ce_id")))
                .map(record -> readTree(record.value()))
                .filter(event -> event.path("ticketId").asText().equals(ticketId) && event.path("level").asInt() == level)
                .count();
    }

    private static JsonNode ticketTitled(String title) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(
                get("/tickets?parentId=" + parentId + "&size=200").path("items").spliterator(), false)
                .filter(ticket -> ticket.path("title").asText().equals(title)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(running.getProperty("ticket.url") + path))
                .header("Authorization", "Bearer " + running.getProperty("token.ops")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A POST to one of the stand-in's try-out routes, as the README's curl commands do. */
    private static JsonNode tryOut(String route, Map<String, String> query) throws IOException, InterruptedException {
        String encoded = String.join("&", query.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .toList());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(running.getProperty("slack.sink.url") + route + "?" + encoded))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", route, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

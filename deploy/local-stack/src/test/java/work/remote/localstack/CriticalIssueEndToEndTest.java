package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The foundation's flow through the whole system, as the local stack runs it: the four service jars built by
 * this reactor, a real PostgreSQL, a real Kafka broker, a real SMTP server and a real HTTP Slack sink.
 * {@code POST /tickets} with a blocked withdrawal → CRITICAL ticket with a 3-hour deadline →
 * {@code CriticalIssueReported} through ticket-service's outbox → notification-service → Slack and email.
 */
class CriticalIssueEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;

    static LocalStack stack;
    static Properties running;

    @BeforeAll
    static void startTheWholeSystem() throws IOException {
        stack = new LocalStack(Path.of("../.."), home, Map.of(), LocalStackTest.freePorts());
        // counts the webhook calls to #product: the incoming webhooks stay supported (SlackAppEndToEndTest: the bot)
        stack.productChannelOnWebhook();
        stack.start();
        running = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("stack.properties"))) {
            running.load(in);
        }
    }

    @AfterAll
    static void stopIt() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aBlockedWithdrawalReachesSlackAndEmailAsACriticalIssue() throws Exception {
        HttpResponse<String> created = postTicket(running.getProperty("token.cs-agent"), """
                {"title": "Withdrawals fail for user 42", "type": "BUG", "impact": "WITHDRAWAL_BLOCKED",
                 "affectedUsers": 1, "description": "Error W-17 on every withdrawal"}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ticket = JSON.readTree(created.body());
        String id = ticket.path("id").asText();
        assertThat(ticket.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(Duration.between(Instant.parse(ticket.path("reportedAt").asText()),
                Instant.parse(ticket.path("resolveBy").asText()))).isEqualTo(Duration.ofHours(3));

        JsonNode slack = await().atMost(Duration.ofSeconds(60))
                .until(() -> find(running.getProperty("slack.sink.url") + "/calls", id), Optional::isPresent).get();
        JsonNode blocks = slack.path("body").path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).contains("Withdrawals fail for user 42");
        assertThat(blocks.toString()).contains("WITHDRAWAL_BLOCKED").contains("Resolve by");
        assertThat(blocks.get(blocks.size() - 1).path("elements").get(0).path("url").asText())
                .isEqualTo(running.getProperty("ticket.url") + "/tickets/" + id);

        JsonNode mail = await().atMost(Duration.ofSeconds(60))
                .until(() -> find(running.getProperty("mail.url"), id), Optional::isPresent).get();
        assertThat(mail.path("subject").asText()).isEqualTo("CRITICAL: Withdrawals fail for user 42");
        assertThat(mail.path("html").asText()).contains("/tickets/" + id);
    }

    @Test
    void theStackSeedsThePublishedExampleProcessAndTheLiveExampleLaunch() throws Exception {
        JsonNode processes = JSON.readTree(get(running.getProperty("process.url") + "/processes?size=200",
                running.getProperty("token.cs-agent")).body());
        JsonNode example = StreamSupport.stream(processes.path("items").spliterator(), false)
                .filter(process -> process.path("key").asText().equals("feature-launch")).findFirst().orElseThrow();
        assertThat(example.path("latestVersion").asInt()).isEqualTo(1);

        JsonNode launches = JSON.readTree(get(running.getProperty("ticket.url") + "/launches?state=LIVE",
                running.getProperty("token.cs-agent")).body());
        assertThat(launches.path("items").findValuesAsText("feature")).contains("Instant withdrawals");

        JsonNode announced = await().atMost(Duration.ofSeconds(60)).until(
                () -> find(running.getProperty("slack.sink.url") + "/calls", ServiceConfig.CS_WEBHOOK_NAME,
                        "Launch started: Instant withdrawals"), Optional::isPresent).get();
        assertThat(announced.toString()).contains("Open parent ticket").contains("/tickets/");
    }

    @Test
    void aTokenMintedForAPersonActsAsThatPerson() throws Exception {
        HttpResponse<String> minted = HTTP.send(HttpRequest.newBuilder(
                URI.create(running.getProperty("tokens.url") + "?person=lena&roles=cs-lead")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(minted.statusCode()).isEqualTo(200);

        HttpResponse<String> created = postTicket(minted.body().strip(), """
                {"title": "Is the fee shown before an instant withdrawal?", "type": "QUESTION", "impact": "NONE",
                 "affectedUsers": 0}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();

        JsonNode stored = JSON.readTree(get(running.getProperty("ticket.url") + "/tickets/" + id,
                running.getProperty("token.ops")).body());
        assertThat(stored.path("reporter").asText()).isEqualTo("lena");
    }

    @Test
    void badInputMissingTokenAndWrongRoleAreRefusedClearly() throws Exception {
        HttpResponse<String> invalid = postTicket(running.getProperty("token.cs-agent"),
                "{\"title\": \"\", \"type\": \"BUG\", \"impact\": \"WITHDRAWAL_BLOCKED\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(invalid.body()).path("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("title", "affectedUsers");

        assertThat(postTicket(null, "{}").statusCode()).isEqualTo(401);
        assertThat(postTicket(running.getProperty("token.ops"), """
                {"title": "ops may not report", "type": "BUG", "impact": "NONE", "affectedUsers": 1}""")
                .statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> postTicket(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.getProperty("ticket.url") + "/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The first entry of a sink listing ({@code /calls} or {@code /mail}) that mentions every one of {@code texts}. */
    private static Optional<JsonNode> find(String listing, String... texts) throws Exception {
        JsonNode entries = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(listing)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> Arrays.stream(texts).allMatch(entry.toString()::contains))
                .findFirst();
    }
}

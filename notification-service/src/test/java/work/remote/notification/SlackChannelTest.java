package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackSink;
import work.remote.events.EventJson;
import work.remote.events.ticket.LaunchStatusPosted;

/** Slack channels are registered with a secret webhook that no response and no log line ever shows. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class SlackChannelTest {

    @Inject
    AgroalDataSource dataSource;

    /** Every log line written while it is installed, message and stack trace. */
    static final class CapturedLog extends Handler implements AutoCloseable {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        CapturedLog() {
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
                line.append(' ').append(thrown);
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }

    static String sinkHost() {
        return URI.create(RemoteWorkTestResource.slack().baseUrl()).getHost();
    }

    static String delivery(String ceId, String field) {
        return Api.as("cs-agent").queryParam("ceId", ceId).when().get("/deliveries").then().statusCode(200)
                .extract().path("items[0]." + field);
    }

    @Test
    void theWebhookUrlNeverAppearsInAnyApiResponseOrLogLine() {
        String secret = "T9/B9/" + UUID.randomUUID().toString().replace("-", "");
        String channel = Api.uniqueChannel("secret");
        List<String> responses = new ArrayList<>();
        try (CapturedLog log = new CapturedLog()) {
            responses.add(Api.as("ops").body(Map.of("name", channel, "webhookUrl",
                    RemoteWorkTestResource.slack().webhookUrl(secret))).when().post("/channels").then()
                    .statusCode(201)
                    .body("webhookConfigured", equalTo(true))
                    .body("webhookHost", equalTo(sinkHost()))
                    .body("webhookUrl", nullValue())
                    .extract().asString());
            String id = Api.as("ops").queryParam("size", 200).when().get("/channels").then().statusCode(200)
                    .extract().path("items.find { it.name == '" + channel + "' }.id");
            responses.add(Api.as("cs-agent").when().get("/channels/" + id).then().statusCode(200).extract().asString());
            responses.add(Api.as("ops").queryParam("size", 200).when().get("/channels").then().extract().asString());
            responses.add(Api.as("ops").header("If-Match", "\"0\"")
                    .body(Map.of("name", channel, "webhookUrl", "ftp://" + secret)).when().put("/channels/" + id)
                    .then().statusCode(400)
                    .body("violations.field", hasItem("webhookUrl")).extract().asString());

            RemoteWorkTestResource.slack().respondNext(500, Map.of(), "internal_error");
            RemoteWorkTestResource.slack().respondNext(404, Map.of(), "channel_not_found");
            UUID launch = UUID.randomUUID();
            String ceId = TestEvents.send(TestEvents.statusPost(launch, channel, "Fails, then is refused"));
            await().atMost(Duration.ofSeconds(60)).until(() -> "DEAD".equals(delivery(ceId, "state")));
            assertThat(Api.callsTo(secret)).hasSize(2);

            responses.add(Api.as("product").queryParam("launchId", launch.toString()).when().get("/deliveries")
                    .then().body("items[0].lastError", containsString("404")).extract().asString());
            String deliveryId = delivery(ceId, "id");
            responses.add(Api.as("ops").when().get("/deliveries/" + deliveryId).then().extract().asString());
            responses.add(Api.as("ops").when().post("/deliveries/" + deliveryId + "/replay").then().statusCode(200)
                    .extract().asString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(delivery(ceId, "state")));
            responses.add(Api.as("ops").body(Map.of("ceType", "work.remote.ticket.LaunchStatusPosted",
                    "data", EventJson.mapper().valueToTree(TestEvents.statusPost(launch, channel, "dry")))).when().post("/routes/dry-run").then()
                    .statusCode(200).extract().asString());

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains(channel).contains("500"));
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(secret));
        }
        assertThat(responses).hasSize(8).noneSatisfy(body -> assertThat(body).contains(secret));
    }

    @Test
    void aMessageToAnUnregisteredChannelIsKeptWithAClearErrorAndSentOnceItIsRegistered() {
        String channel = Api.uniqueChannel("later");
        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Before registration"));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(ceId, "lastError") != null);
        assertThat(delivery(ceId, "lastError")).contains(channel).contains("not registered");
        // it waits, backing off, without spinning and without dying
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Api.as("ops").queryParam("ceId", ceId).when().get("/deliveries").then()
                        .extract().<Integer>path("items[0].attempts") <= 5);
        assertThat(delivery(ceId, "state")).isIn("PENDING", "SENDING");

        String webhook = "T0/later/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> Api.callsTo(webhook).size() == 1);
        assertThat(Api.callsTo(webhook).get(0).body()).contains("Before registration");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(delivery(ceId, "state")));
    }

    @Test
    void aChannelIsRegisteredWithoutWaitingForADeliveryASenderHolds() throws Exception {
        String channel = Api.uniqueChannel("held");
        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Held by a sender"));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(ceId, "lastError") != null);
        ExecutorService client = Executors.newSingleThreadExecutor();
        // a sender's claim holds its deliveries' rows, then locks their channels' rows
        try (Connection sender = dataSource.getConnection()) {
            sender.setAutoCommit(false);
            try (PreparedStatement hold = sender.prepareStatement(
                    "select id from delivery where ce_id = ? for update")) {
                hold.setString(1, ceId);
                assertThat(hold.executeQuery().next()).isTrue();
            }
            Future<String> registered = client.submit(() -> Api.registerChannel(channel, "T0/held", Map.of()));
            assertThat(registered.get(10, TimeUnit.SECONDS)).isNotBlank();
            sender.rollback();
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void channelsWhoseWebhooksTheEnvironmentGivesAreRegisteredAtStart() {
        Api.as("cs-agent").when().get("/channels?size=200").then().statusCode(200)
                .body("items.find { it.name == '#ops-from-config' }.webhookConfigured", equalTo(true))
                .body("items.find { it.name == '#ops-from-config' }.webhookHost", equalTo("hooks.slack.example"))
                .body(not(containsString("B0/from-config")));
    }

    @Test
    void aChangedChannelKeepsItsWebhookUnlessANewOneIsGiven() {
        String channel = Api.uniqueChannel("changed");
        String webhook = "T0/changed/" + UUID.randomUUID();
        String id = Api.registerChannel(channel, webhook, Map.of());
        Api.as("ops").when().get("/channels/" + id).then().header("ETag", "\"0\"")
                .body("ratePerSecond", equalTo(50.0f)).body("burst", equalTo(50)).body("unlimited", equalTo(false));

        Map<String, Object> change = new HashMap<>(Map.of("name", channel, "ratePerSecond", 2, "burst", 4));
        Api.as("admin").header("If-Match", "\"0\"").body(change).when().put("/channels/" + id).then()
                .statusCode(200).body("ratePerSecond", equalTo(2.0f)).body("burst", equalTo(4))
                .body("version", equalTo(1)).header("ETag", "\"1\"");
        Api.as("admin").header("If-Match", "\"0\"").body(change).when().put("/channels/" + id).then()
                .statusCode(409).contentType("application/problem+json");
        Api.as("ops").body(change).when().put("/channels/" + id).then().statusCode(428)
                .body("violations[0].field", equalTo("If-Match"));
        Api.as("ops").header("If-Match", "\"1\"").body(Map.of("name", channel, "unlimited", true))
                .when().put("/channels/" + id).then().statusCode(200)
                .body("unlimited", equalTo(true)).body("ratePerSecond", nullValue());

        LaunchStatusPosted post = TestEvents.statusPost(UUID.randomUUID(), channel, "After the change");
        TestEvents.send(post);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(webhook).size() == 1);
    }

    @Test
    void aChangeToAChannelIsSeenByTheVeryNextDelivery() {
        String channel = Api.uniqueChannel("moved");
        String before = "T0/moved/" + UUID.randomUUID();
        String id = Api.registerChannel(channel, before, Map.of("unlimited", true));
        TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Before the move"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(before).size() == 1);

        String after = "T0/moved/" + UUID.randomUUID();
        Api.as("ops").header("If-Match", "\"0\"").body(Map.of("name", channel, "unlimited", true,
                "webhookUrl", RemoteWorkTestResource.slack().webhookUrl(after))).when().put("/channels/" + id).then()
                .statusCode(200);
        TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "After the move"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(after).size() == 1);
        assertThat(Api.callsTo(after).get(0).body()).contains("After the move");
        assertThat(Api.callsTo(before)).hasSize(1);

        // a limit set on it holds back the very next burst: one at once, then one a second
        Api.as("ops").header("If-Match", "\"1\"").body(Map.of("name", channel, "ratePerSecond", 1, "burst", 1))
                .when().put("/channels/" + id).then().statusCode(200);
        List<String> burst = RateLimitTest.burst(channel, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(after).size() == 4);
        List<SlackSink.SlackCall> calls = Api.callsTo(after);
        RateLimitTest.assertEachArrivedOnce(calls, burst);
        assertThat(Duration.between(calls.get(1).receivedAt(), calls.get(3).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_800));
    }

    @Test
    void concurrentChangesOfOneVersionLetOneWinAndTheOthersConflict() throws Exception {
        String channel = Api.uniqueChannel("race");
        String id = Api.registerChannel(channel, "T0/race", Map.of());
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int burst = 1; burst <= 6; burst++) {
                Map<String, Object> change = Map.of("name", channel, "burst", burst);
                answers.add(clients.submit(() -> Api.as("ops").header("If-Match", "\"0\"").body(change).when()
                        .put("/channels/" + id)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        } finally {
            clients.shutdownNow();
        }
        Api.as("ops").when().get("/channels/" + id).then().body("version", equalTo(1));
    }

    @Test
    void invalidOrDuplicateChannelsAreRefusedNamingTheField() {
        Api.as("ops").body(Map.of("name", "product", "webhookUrl", "https://hooks.slack.com/services/x")).when()
                .post("/channels").then().statusCode(400).body("violations.field", hasItem("name"));
        Api.as("ops").body(Map.of("name", Api.uniqueChannel("nohook"))).when().post("/channels").then()
                .statusCode(400).body("violations.field", hasItem("webhookUrl"));
        Api.as("ops").body(Map.of("name", Api.uniqueChannel("both"), "webhookUrl", "https://hooks.slack.com/x",
                "unlimited", true, "ratePerSecond", 1)).when().post("/channels").then().statusCode(400)
                .body("violations.field", hasItem("ratePerSecond"));
        Api.as("ops").body(Map.of("name", Api.uniqueChannel("slow"), "webhookUrl", "https://hooks.slack.com/x",
                "burst", 0)).when().post("/channels").then().statusCode(400)
                .body("violations.field", hasItem("burst"));
        String channel = Api.uniqueChannel("twice");
        Api.registerChannel(channel, "T0/twice", Map.of());
        Api.as("ops").body(Map.of("name", channel, "webhookUrl", "https://hooks.slack.com/x")).when()
                .post("/channels").then().statusCode(409).contentType("application/problem+json");
        Api.as("ops").when().get("/channels/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theProductChannelIsRegisteredFromTheEnvironment() {
        Api.as("product").queryParam("size", 200).when().get("/channels").then().statusCode(200)
                .body("items.find { it.name == '#product' }.webhookConfigured", equalTo(true))
                .body("items.find { it.name == '#product' }.webhookHost", equalTo(sinkHost()));
    }
}

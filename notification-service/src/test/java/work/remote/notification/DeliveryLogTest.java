package work.remote.notification;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.platform.testing.TestClock;

/** Dead letters are announced, listed and replayed; every delivery can be found in the log. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class DeliveryLogTest {

    @Inject
    TestClock clock;

    static RecordingConsumer notificationEvents;

    @BeforeAll
    static void listen() {
        notificationEvents = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                "remote-work.notification.events");
    }

    @AfterAll
    static void stopListening() {
        notificationEvents.close();
    }

    static String token(String role) {
        return RemoteWorkTestResource.tokens().token("someone-" + role, role);
    }

    static int slackDeliveryAttempts(String ceId) {
        Integer attempts = given().auth().oauth2(token("cs-agent"))
                .queryParam("ceId", ceId).queryParam("channel", "SLACK")
                .when().get("/deliveries").then().statusCode(200)
                .extract().path("items[0].attempts");
        return attempts == null ? 0 : attempts;
    }

    static String slackDeliveryState(String ceId) {
        return given().auth().oauth2(token("cs-agent"))
                .queryParam("ceId", ceId).queryParam("channel", "SLACK")
                .when().get("/deliveries").then().statusCode(200)
                .extract().path("items[0].state");
    }

    @Test
    void aDeliveryFailingEveryAttemptOfItsRetryWindowIsDeadAnnouncedAndReplayedByOps() {
        for (int attempt = 0; attempt < 5; attempt++) {
            RemoteWorkTestResource.slack().respondNext(500, Map.of(), "internal_error");
        }
        CriticalIssueReported issue = TestEvents.criticalIssue("Slack is down for this one", null);
        String ceId = UUID.randomUUID().toString();
        TestEvents.send(ceId, issue);
        await().atMost(Duration.ofSeconds(30)).until(() -> slackDeliveryAttempts(ceId) == 4);

        clock.advance(Duration.ofHours(24));

        await().atMost(Duration.ofSeconds(60)).until(() -> "DEAD".equals(slackDeliveryState(ceId)));
        String deliveryId = given().auth().oauth2(token("product"))
                .queryParam("ceId", ceId).queryParam("state", "DEAD")
                .when().get("/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].attempts", equalTo(5))
                .body("items[0].lastError", containsString("Retried for 24h"))
                .body("items[0].lastError", containsString("500"))
                .body("items[0].target", equalTo("#product"))
                .extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(deliveryId, "NotificationDead") != null);

        given().auth().oauth2(token("cs-agent")).when().post("/deliveries/" + deliveryId + "/replay").then()
                .statusCode(403);
        given().auth().oauth2(token("ops")).when().post("/deliveries/" + deliveryId + "/replay").then()
                .statusCode(200)
                .body("state", equalTo("PENDING"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(slackDeliveryState(ceId)));
        assertThat(CriticalIssueNotificationTest.slackCallsAbout(issue)).hasSize(6);
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(deliveryId, "NotificationDelivered") != null);
        given().auth().oauth2(token("admin")).when().post("/deliveries/" + deliveryId + "/replay").then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void theLogFindsAnEventsDeliveriesAndNeverShowsTheWebhookUrl() {
        CriticalIssueReported issue = TestEvents.criticalIssue("Findable in the log", null);
        String ceId = UUID.randomUUID().toString();
        TestEvents.send(ceId, issue);

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(slackDeliveryState(ceId)));
        String log = given().auth().oauth2(token("cs-lead"))
                .queryParam("subject", issue.ticketId().toString())
                .when().get("/deliveries").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.ceId", everyItem(equalTo(ceId)))
                .body("items.channel", everyItem(not(equalTo(null))))
                .extract().asString();
        assertThat(log).doesNotContain(RemoteWorkTestResource.slack().baseUrl()).doesNotContain("/services/");
        given().auth().oauth2(token("cs-agent"))
                .queryParam("ticketId", issue.ticketId().toString()).queryParam("channel", "EMAIL")
                .when().get("/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].ticketId", equalTo(issue.ticketId().toString()))
                .body("items[0].target", equalTo("product-team@remote.work"))
                .body("items[0].ceType", equalTo("work.remote.ticket.CriticalIssueReported"));
    }

    @Test
    void anUnknownDeliveryIsNotFoundAndTheLogNeedsAToken() {
        given().auth().oauth2(token("ops")).when().get("/deliveries/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/deliveries").then().statusCode(401);
        given().auth().oauth2(token("ops")).queryParam("size", 1000).when().get("/deliveries").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    private static ConsumerRecord<String, String> ofType(String deliveryId, String eventName) {
        return notificationEvents.withKey(deliveryId).stream()
                .filter(record -> new String(record.headers().lastHeader("ce_type").value(), UTF_8)
                        .equals("work.remote.notification." + eventName))
                .findFirst().orElse(null);
    }
}

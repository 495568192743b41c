package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.notification.service.SlackChannelService;

/**
 * Webhooks reach only allow-listed hosts on public addresses, checked when a channel is written, when the environment
 * names one, and before every send; and what a webhook's host answers is never kept or shown.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class WebhookDestinationTest {

    @Inject
    SlackChannelService channels;

    static void refused(String webhookUrl, String reason) {
        String channel = Api.uniqueChannel("refused");
        Api.as("ops").body(Map.of("name", channel, "webhookUrl", webhookUrl)).when().post("/channels").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("webhookUrl"))
                .body("violations.find { it.field == 'webhookUrl' }.message", containsString(reason));
        String id = Api.registerChannel(channel, "T0/allowed/" + UUID.randomUUID(), Map.of());
        Api.as("ops").header("If-Match", "\"0\"").body(Map.of("name", channel, "webhookUrl", webhookUrl)).when()
                .put("/channels/" + id).then().statusCode(400).body("violations.field", hasItem("webhookUrl"));
        Api.as("admin").when().delete("/channels/" + id).then().statusCode(204);
    }

    @Test
    void aWebhookToAHostOutsideTheAllowListIsRefused() {
        refused("https://hooks.slack.com.evil.example/services/T0/B0/x", "allowed host");
        refused("https://example.org/services/T0/B0/x", "allowed host");
    }

    @Test
    void aWebhookToAPrivateAddressIsRefused() {
        refused("http://10.0.0.5/internal", "allowed host");
        refused("http://192.168.1.1:8080/admin", "allowed host");
        refused("http://[fd00::1]/internal", "allowed host");
    }

    @Test
    void aWebhookToTheCloudMetadataAddressIsRefused() {
        refused("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "allowed host");
    }

    @Test
    void aChannelFromTheEnvironmentWithARefusedWebhookFailsTheStartNamingTheChannelNotTheUrl() {
        assertThatThrownBy(() -> channels.registerFromEnvironment("#from-env-refused",
                "http://169.254.169.254/latest/meta-data/secret-path"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("#from-env-refused").hasMessageContaining("notification.slack.webhooks")
                .hasMessageNotContaining("secret-path");
    }

    @Test
    void aWebhookThatIsNoLongerAllowedIsDeadAtSendTimeWithAFixedReason() {
        String channel = Api.uniqueChannel("moved");
        String id = Api.registerChannel(channel, "T0/moved/" + UUID.randomUUID(), Map.of("unlimited", true));
        // as if its host now resolved elsewhere, or the row was written before the rule
        QuarkusTransaction.requiringNew().run(() -> SlackChannel.<SlackChannel>findById(UUID.fromString(id))
                .webhookUrl = "http://169.254.169.254/latest/meta-data/");

        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Never sent"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(SlackChannelTest.delivery(ceId, "state")));
        assertThat(SlackChannelTest.delivery(ceId, "lastError")).isEqualTo("Slack " + channel + ": webhook "
                + "destination refused (not an allowed host, or it resolves to a private address); register the "
                + "channel's webhook again, then replay");
        assertThat(Api.callsMentioning("Never sent")).isEmpty();
    }

    @Test
    void whatAWebhookAnswersIsNeverShownInTheDeliveryLogOrItsAnnouncement() {
        String secret = "secret-" + UUID.randomUUID();
        String channel = Api.uniqueChannel("answers");
        String webhook = "T0/answers/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of("unlimited", true));
        RemoteWorkTestResource.slack().respondNext(500, Map.of(), "internal_error " + secret);
        RemoteWorkTestResource.slack().respondNext(404, Map.of(), "channel_not_found " + secret);

        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Answered with a secret"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(SlackChannelTest.delivery(ceId, "state")));
        assertThat(Api.callsTo(webhook)).hasSize(2);
        String id = SlackChannelTest.delivery(ceId, "id");
        Api.as("cs-agent").queryParam("ceId", ceId).when().get("/deliveries").then().statusCode(200)
                .body("items[0].lastError", equalTo("Slack " + channel + " answered 404 (channel or webhook not found)"))
                .body(not(containsString(secret)));
        Api.as("cs-agent").when().get("/deliveries/" + id).then().statusCode(200).body(not(containsString(secret)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !DeliveryGuaranteesTest.mailsTo(DeliveryGuaranteesTest.OPS_MAILBOX, channel).isEmpty());
        assertThat(DeliveryGuaranteesTest.mailsTo(DeliveryGuaranteesTest.OPS_MAILBOX, channel))
                .allSatisfy(mail -> assertThat(mail.text() + mail.html()).contains("404").doesNotContain(secret));
    }
}

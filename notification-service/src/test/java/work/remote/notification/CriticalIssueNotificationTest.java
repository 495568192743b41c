package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackSink;
import work.remote.devinfra.SmtpServer;
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueReported;

/** A critical issue on the real broker becomes one Slack message and one email, however often it is delivered. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class CriticalIssueNotificationTest {

    @Test
    void aCriticalIssueBecomesABlockKitSlackMessageAndAnEmail() throws Exception {
        CriticalIssueReported issue = issue("Withdrawals \"fail\" for <user> 42 \\ again");
        send(UUID.randomUUID().toString(), issue);

        await().atMost(Duration.ofSeconds(30)).until(() -> slackCallsAbout(issue).size() == 1);
        JsonNode message = EventJson.mapper().readTree(slackCallsAbout(issue).get(0).body());
        assertThat(message.path("text").asText()).as("the notification text is mrkdwn, so user text is escaped")
                .contains(issue.title().replace("<", "&lt;").replace(">", "&gt;"));
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).contains(issue.title());
        assertThat(blocks.toString()).contains("WITHDRAWAL_BLOCKED").contains("Resolve by");
        JsonNode button = blocks.get(blocks.size() - 1).path("elements").get(0);
        assertThat(button.path("url").asText()).isEqualTo(issue.link());

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(issue).size() == 1);
        SmtpServer.ReceivedMail mail = mailsAbout(issue).get(0);
        assertThat(mail.to()).containsExactly("product-team@remote.work");
        assertThat(mail.subject()).isEqualTo("CRITICAL: " + issue.title());
        assertThat(mail.text()).contains(issue.link()).contains("WITHDRAWAL_BLOCKED");
        assertThat(mail.html()).contains("href=\"" + issue.link() + "\"");
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        UUID launch = UUID.randomUUID();
        CriticalIssueReported issue = issue("Trading blocked for everyone", launch);
        CriticalIssueReported marker = issue("Sent after the redelivery, on the same partition", launch);
        String ceId = UUID.randomUUID().toString();
        send(ceId, issue);
        send(ceId, issue);
        send(UUID.randomUUID().toString(), marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> slackCallsAbout(marker).size() == 1);
        assertThat(slackCallsAbout(issue)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(marker).size() == 1);
        assertThat(mailsAbout(issue)).hasSize(1);
    }

    @Test
    void aSlackServerErrorIsRetriedAndTheMessageDeliveredOnce() {
        RemoteWorkTestResource.slack().respondNext(500, Map.of(), "internal_error");
        CriticalIssueReported issue = issue("Withdrawal queue stuck");
        send(UUID.randomUUID().toString(), issue);

        await().atMost(Duration.ofSeconds(30)).until(() -> slackCallsAbout(issue).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> slackCallsAbout(issue).size() == 2);
    }

    @Test
    void aSlackRateLimitIsRetriedNoSoonerThanRetryAfterSays() {
        RemoteWorkTestResource.slack().respondNext(429, Map.of("Retry-After", "2"), "rate_limited");
        CriticalIssueReported issue = issue("Rate limited once");
        send(UUID.randomUUID().toString(), issue);

        await().atMost(Duration.ofSeconds(30)).until(() -> slackCallsAbout(issue).size() == 2);
        List<SlackSink.SlackCall> calls = slackCallsAbout(issue);
        assertThat(calls).extracting(SlackSink.SlackCall::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        UUID launch = UUID.randomUUID();
        CriticalIssueReported after = issue("Sent after a malformed record", launch);
        try (RecordingConsumer deadLetters = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                "remote-work.notification.dead-letter")) {
            TestEvents.producer().send(new ProducerRecord<>(EventType.topicOf("ticket"), launch.toString(),
                    "{\"not\": \"a cloud event\"}"));
            send(UUID.randomUUID().toString(), after);

            await().atMost(Duration.ofSeconds(30)).until(() -> slackCallsAbout(after).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.withKey(launch.toString()).size() == 1);
            assertThat(deadLetters.withKey(launch.toString()).get(0).value()).isEqualTo("{\"not\": \"a cloud event\"}");
        }
    }

    static CriticalIssueReported issue(String title) {
        return TestEvents.criticalIssue(title, null);
    }

    static CriticalIssueReported issue(String title, UUID launchId) {
        return TestEvents.criticalIssue(title, launchId);
    }

    static void send(String ceId, CriticalIssueReported issue) {
        TestEvents.send(ceId, issue);
    }

    static List<SlackSink.SlackCall> slackCallsAbout(CriticalIssueReported issue) {
        return RemoteWorkTestResource.slack().calls().stream()
                .filter(call -> call.body().contains(issue.ticketId().toString())).toList();
    }

    static List<SmtpServer.ReceivedMail> mailsAbout(CriticalIssueReported issue) {
        return RemoteWorkTestResource.smtp().messages().stream()
                .filter(mail -> mail.subject().contains(issue.title())).toList();
    }
}

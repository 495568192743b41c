package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.SmtpServer;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.notification.service.EscalationWatch;
import work.remote.platform.testing.TestClock;

/**
 * A critical issue Slack did not get (its message is dead, or still not delivered 5 minutes after it was planned) is
 * escalated to the product group by email, once, saying why and where the ticket is.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class EscalationTest {

    static final String PRODUCT_MAILBOX = "product-team@remote.work";

    @Inject
    TestClock clock;

    @Inject
    EscalationWatch watch;

    /** Routes the critical issues of a fresh launch to {@code channel} too; answers the launch. */
    static UUID launchRoutedTo(String channel) {
        UUID launch = UUID.randomUUID();
        RouteTest.create(RouteTest.route("critical-to-" + channel.substring(1), RouteTest.CRITICAL_ISSUE,
                Map.of("launchId", launch.toString()), List.of(RouteTest.target("SLACK_CHANNEL", channel))));
        return launch;
    }

    static List<SmtpServer.ReceivedMail> escalations(CriticalIssueReported issue) {
        return DeliveryGuaranteesTest.mailsTo(PRODUCT_MAILBOX, "Not on Slack: CRITICAL: " + issue.title());
    }

    static String slackState(String ceId, String channel) {
        return Api.as("ops").queryParam("ceId", ceId).queryParam("target", channel).when().get("/deliveries").then()
                .statusCode(200).extract().path("items[0].state");
    }

    @Test
    void aCriticalIssueSlackHasNotGotFiveMinutesLaterIsEscalatedToProductOnce() throws Exception {
        String channel = Api.uniqueChannel("esc-late");
        DeliveryGuaranteesTest.registerChannel(channel, DeliveryGuaranteesTest.unreachableWebhook());
        CriticalIssueReported issue = TestEvents.criticalIssue("Withdrawals stuck, Slack unreachable",
                launchRoutedTo(channel));
        double before = DeliveryGuaranteesTest.counter("notification_escalations_total", "trigger=\"late\"");
        String ceId = TestEvents.send(issue);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(slackState(ceId, channel))
                && Api.as("ops").queryParam("ceId", ceId).queryParam("target", channel).when().get("/deliveries")
                        .then().extract().<Integer>path("items[0].attempts") >= 1);
        assertThat(watch.escalateLate()).isZero();
        assertThat(escalations(issue)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racing = List.of(watch::escalateLate, watch::escalateLate);
            int escalatedByTheReplicas = 0;
            for (Future<Integer> escalated : replicas.invokeAll(racing)) {
                escalatedByTheReplicas += escalated.get();
            }
            assertThat(escalatedByTheReplicas).isLessThanOrEqualTo(1);
        } finally {
            replicas.shutdown();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> escalations(issue).size() == 1);
        SmtpServer.ReceivedMail escalation = escalations(issue).get(0);
        assertThat(escalation.text()).contains("Slack did not get this critical issue")
                .contains(issue.ticketId().toString()).contains(issue.link())
                .contains(channel + ": not delivered 5 min after it was planned").contains("unreachable");
        assertThat(escalation.html()).contains("href=\"" + issue.link() + "\"");
        clock.advance(Duration.ofMinutes(5));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> escalations(issue).size() == 1);
        assertThat(slackState(ceId, "#product")).isEqualTo("DELIVERED");
        assertThat(DeliveryGuaranteesTest.counter("notification_escalations_total", "trigger=\"late\""))
                .isGreaterThan(before);
    }

    @Test
    void aCriticalIssueWhoseSlackMessageIsRefusedIsEscalatedAtOnce() {
        String channel = Api.uniqueChannel("esc-gone");
        DeliveryGuaranteesTest.registerChannel(channel, DeliveryGuaranteesTest.goneWebhook());
        CriticalIssueReported issue = TestEvents.criticalIssue("Trading blocked, channel removed",
                launchRoutedTo(channel));
        String ceId = TestEvents.send(issue);

        await().atMost(Duration.ofSeconds(30)).until(() -> escalations(issue).size() == 1);
        assertThat(slackState(ceId, channel)).isEqualTo("DEAD");
        assertThat(escalations(issue).get(0).text())
                .contains(channel + ": dead after 1 attempt(s): Slack " + channel + " answered 404")
                .contains(issue.link());
        Api.as("ops").queryParam("ceId", ceId).queryParam("channel", "EMAIL").when().get("/deliveries").then()
                .statusCode(200)
                .body("items.purpose", containsInAnyOrder("NOTICE", "ESCALATION"));
        assertThat(watch.escalateLate()).isZero();
    }
}

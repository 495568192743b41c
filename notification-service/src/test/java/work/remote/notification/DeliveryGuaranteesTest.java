package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SmtpServer;
import work.remote.events.EventSamples;
import work.remote.events.meeting.ActionItemOverdue;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.platform.testing.TestClock;

/**
 * Nothing lost, nothing doubled: transient failures are retried for the retry window, a refusal is dead at once, every
 * dead delivery is announced to ops, and a database that drops its connections while Slack answers sends nothing twice.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class DeliveryGuaranteesTest {

    static final String OPS_MAILBOX = "ops-team@remote.work";

    @Inject
    TestClock clock;

    /** A webhook on a port nobody listens on: every attempt fails to connect. */
    static String unreachableWebhook() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/services/T0/unreachable";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A webhook the sink answers 404 to, as Slack answers a removed channel. */
    static String goneWebhook() {
        return RemoteWorkTestResource.slack().baseUrl() + "/gone/" + UUID.randomUUID();
    }

    static String registerChannel(String name, String webhookUrl) {
        return Api.as("ops").body(Map.of("name", name, "webhookUrl", webhookUrl, "unlimited", true)).when()
                .post("/channels").then().statusCode(201).extract().path("id");
    }

    /** The deliveries the log finds for {@code filter}, newest first. */
    static JsonPath deliveries(Map<String, ?> filter) {
        return Api.as("ops").queryParams(filter).when().get("/deliveries").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath deliveryOf(String ceId) {
        return deliveries(Map.of("ceId", ceId));
    }

    static int attemptsOf(String ceId) {
        Integer attempts = deliveryOf(ceId).get("items[0].attempts");
        return attempts == null ? 0 : attempts;
    }

    static List<SmtpServer.ReceivedMail> mailsTo(String address, String subjectPart) {
        return RemoteWorkTestResource.smtp().messages().stream()
                .filter(mail -> mail.to().contains(address) && mail.subject().contains(subjectPart)).toList();
    }

    /** The value of a Prometheus counter at {@code /q/metrics}, 0 before it first counts. */
    static double counter(String name, String labels) {
        String metrics = Api.as("ops").when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") && labels.lines().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aRefusalForGoodIsDeadAtOnceWithItsReasonAndAnnouncedToOps() {
        String channel = Api.uniqueChannel("gone");
        registerChannel(channel, goneWebhook());
        double deadBefore = counter("notification_deliveries_dead_total", "reason=\"refused\"");

        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Refused for good"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(deliveryOf(ceId).getString("items[0].state")));
        JsonPath dead = deliveryOf(ceId);
        assertThat(dead.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(dead.getString("items[0].lastError")).contains(channel).contains("404");
        assertThat(counter("notification_deliveries_dead_total", "reason=\"refused\"")).isGreaterThan(deadBefore);

        String deliveryId = dead.getString("items[0].id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(OPS_MAILBOX, channel).isEmpty());
        SmtpServer.ReceivedMail announcement = mailsTo(OPS_MAILBOX, channel).get(0);
        assertThat(announcement.subject()).contains("work.remote.ticket.LaunchStatusPosted");
        assertThat(announcement.text()).contains("404").contains("/deliveries/" + deliveryId);
        JsonPath announced = deliveries(Map.of("subject", deliveryId));
        assertThat(announced.getList("items.target")).containsExactlyInAnyOrder(OPS_MAILBOX, "#ops");
    }

    @Test
    void transientFailuresAreRetriedForTheWindowThenTheDeliveryIsDeadWithItsReason() {
        String channel = Api.uniqueChannel("unreachable");
        registerChannel(channel, unreachableWebhook());
        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Nobody listens"));
        await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOf(ceId) >= 2);
        JsonPath retried = deliveryOf(ceId);
        assertThat(retried.getString("items[0].state")).isIn("PENDING", "SENDING");
        assertThat(retried.getString("items[0].lastError")).contains(channel).contains("unreachable");
        double deadBefore = counter("notification_deliveries_dead_total", "reason=\"retry-window-ended\"");

        clock.advance(Duration.ofHours(24));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(deliveryOf(ceId).getString("items[0].state")));
        assertThat(deliveryOf(ceId).getString("items[0].lastError"))
                .startsWith("Retried for 24h without success; the last attempt: Slack " + channel + " unreachable");
        assertThat(counter("notification_deliveries_dead_total", "reason=\"retry-window-ended\""))
                .isGreaterThan(deadBefore);
        assertThat(counter("notification_deliveries_retried_total", "channel=\"SLACK\"")).isPositive();
    }

    @Test
    void anAnnouncementOfADeadAnnouncementNeverGoesToSlackAndOneAboutADeadEmailGoesNowhere() {
        double suppressedBefore = counter("notification_dead_announcements_suppressed_total", "channel=\"SLACK\"");
        NotificationDead deadSlackAnnouncement = dead("work.remote.notification.NotificationDead", Channel.SLACK,
                "#ops");
        NotificationDead deadEmailAnnouncement = dead("work.remote.notification.NotificationDead", Channel.EMAIL,
                OPS_MAILBOX);
        NotificationDead deadOpsChannelNotice = dead("work.remote.ticket.LaunchStatusPosted", Channel.SLACK, "#ops");
        NotificationDead ordinary = dead("work.remote.ticket.LaunchStatusPosted", Channel.SLACK, "#elsewhere");
        List.of(deadSlackAnnouncement, deadEmailAnnouncement, deadOpsChannelNotice, ordinary).forEach(TestEvents::send);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(Map.of("subject", ordinary.deliveryId().toString())).getInt("total") == 2);
        assertThat(deliveries(Map.of("subject", deadSlackAnnouncement.deliveryId().toString())).getList("items.target"))
                .containsExactly(OPS_MAILBOX);
        assertThat(deliveries(Map.of("subject", deadOpsChannelNotice.deliveryId().toString())).getList("items.target"))
                .containsExactly(OPS_MAILBOX);
        assertThat(deliveries(Map.of("subject", deadEmailAnnouncement.deliveryId().toString())).getInt("total"))
                .isZero();
        assertThat(counter("notification_dead_announcements_suppressed_total", "channel=\"SLACK\""))
                .isGreaterThanOrEqualTo(suppressedBefore + 3);
    }

    static NotificationDead dead(String sourceEventType, Channel channel, String target) {
        NotificationDead sample = EventSamples.notificationDead();
        UUID deliveryId = UUID.randomUUID();
        return new NotificationDead(deliveryId, UUID.randomUUID(), sourceEventType, sample.sourceSubject(), channel,
                target, 3, "answered 404: channel_not_found", sample.diedAt(),
                "http://localhost:8084/deliveries/" + deliveryId);
    }

    @Test
    void aDatabaseThatDropsItsConnectionsWhileSlackAnswersGetsTheMessageSentOnce() {
        String channel = Api.uniqueChannel("dropped");
        String webhook = "T0/dropped/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of("unlimited", true));
        AtomicInteger terminated = new AtomicInteger();
        RemoteWorkTestResource.slack().whenCalled(() -> {
            if (terminated.get() == 0) {
                terminated.set(terminateServiceConnections());
            }
        });
        try {
            String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), channel, "Sent exactly once"));

            await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(webhook).size() == 1);
            assertThat(terminated.get()).isPositive();
            // the API itself may answer 500 while its pooled connections find out they were terminated
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> "DELIVERED".equals(deliveryOf(ceId).getString("items[0].state")));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> Api.callsTo(webhook).size() == 1);
            assertThat(deliveryOf(ceId).getInt("items[0].attempts")).isEqualTo(1);
        } finally {
            RemoteWorkTestResource.slack().whenCalled(() -> {
            });
        }
    }

    /** Terminates every connection to the service's database but this one; answers how many. */
    static int terminateServiceConnections() {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement statement = connection.createStatement();
                var terminated = statement.executeQuery("""
                        select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()""")) {
            terminated.next();
            return terminated.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot terminate the service's connections", e);
        }
    }

    @Test
    void aTwoThousandCharacterTitleIsDelivered() {
        ActionItemOverdue sample = EventSamples.actionItemOverdue();
        String description = "Follow up on " + UUID.randomUUID() + " " + "x".repeat(2_000);
        ActionItemOverdue overdue = new ActionItemOverdue(UUID.randomUUID(), UUID.randomUUID(), sample.subject(),
                description, sample.owner(), sample.due(), sample.link());
        String ceId = TestEvents.send(overdue);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DELIVERED".equals(deliveryOf(ceId).getString("items[0].state")));
        String title = deliveryOf(ceId).getString("items[0].title");
        assertThat(title).startsWith("Action item overdue: " + description.substring(0, 50)).endsWith("…")
                .hasSizeLessThanOrEqualTo(500);
        assertThat(RemoteWorkTestResource.smtp().messages()).anySatisfy(mail -> {
            assertThat(mail.subject().replaceAll("\\s+", " ")).isEqualTo(title);
            assertThat(mail.text()).contains(description);
        });
    }

    @Test
    void aTitleWithLineBreaksIsMailedWithASubjectOnOneLine() {
        ActionItemOverdue sample = EventSamples.actionItemOverdue();
        String description = "Call the bank " + UUID.randomUUID() + "\r\nthen  update\nthe FAQ";
        String ceId = TestEvents.send(new ActionItemOverdue(UUID.randomUUID(), UUID.randomUUID(), sample.subject(),
                description, sample.owner(), sample.due(), sample.link()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DELIVERED".equals(deliveryOf(ceId).getString("items[0].state")));
        String oneLine = description.replaceAll("\\s*\\R\\s*", " ");
        assertThat(deliveryOf(ceId).getString("items[0].title")).isEqualTo("Action item overdue: " + oneLine);
        assertThat(RemoteWorkTestResource.smtp().messages())
                .anySatisfy(mail -> assertThat(mail.subject()).isEqualTo("Action item overdue: " + oneLine));
    }

    @Test
    void slaWarningsAndBreachesReachProductOnSlackAndByEmailByDefault() {
        CriticalIssueReported issue = TestEvents.criticalIssue("SLA of this one runs out", null);
        SlaAtRisk atRisk = new SlaAtRisk(issue.ticketId(), null, issue.title(), issue.impact(), null,
                issue.reportedAt(), issue.resolveBy(), 60, issue.link());
        SlaBreached breached = new SlaBreached(issue.ticketId(), null, issue.title(), issue.impact(), null,
                issue.reportedAt(), issue.resolveBy(), issue.link());
        TestEvents.send(atRisk);
        TestEvents.send(breached);

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(RemoteWorkTestResource.SLACK_WEBHOOK_NAME)
                .stream().filter(call -> call.body().contains(issue.title())).count() == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("product-team@remote.work", issue.title()).size() == 2);
        JsonPath log = deliveries(Map.of("ticketId", issue.ticketId().toString()));
        assertThat(log.getList("items.ceType")).containsOnly("work.remote.ticket.SlaAtRisk",
                "work.remote.ticket.SlaBreached");
        assertThat(log.getList("items.state")).containsOnly("DELIVERED");
        Api.as("ops").when().get("/routes/00000000-0000-4000-8000-000000000009").then().statusCode(200)
                .body("name", equalTo("sla-breached-to-product"))
                .body("targets.value", contains("#product", "product"));
        Api.as("ops").when().get("/routes/00000000-0000-4000-8000-000000000007").then().statusCode(200)
                .body("eventType", containsString("NotificationDead"));
    }
}

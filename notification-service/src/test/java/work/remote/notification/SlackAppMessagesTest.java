package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackSink;
import work.remote.devinfra.SlackWorkspace;
import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SmtpServer;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventSamples;
import work.remote.events.process.AdoptionFeedbackRequested;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.EscalationReason;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.events.ticket.TicketCommented;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketResolved;
import work.remote.events.ticket.TicketStatus;
import work.remote.events.ticket.TicketStatusChanged;
import work.remote.events.ticket.TicketType;
import work.remote.notification.service.DeliveryPlanner;
import work.remote.platform.testing.TestClock;

/**
 * Channels bound to the Slack app's bot token, against the Slack stand-in's Web API, with events published on the real
 * broker: a critical issue's message carries Acknowledge and Resolve buttons, the ticket's later events land in its
 * thread (never outside it because of a race), its status changes update the message in place, 429s are honoured, the
 * token is never shown, and escalations reach their targets.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class SlackAppMessagesTest {

    @Inject
    DeliveryPlanner planner;

    @Inject
    TestClock clock;

    static final String ACKNOWLEDGE = "ticket.acknowledge";
    static final String RESOLVE = "ticket.resolve";
    static final Duration SLACK = Duration.ofSeconds(30);

    static SlackWorkspace workspace() {
        return RemoteWorkTestResource.slack().workspace();
    }

    static String uniqueChannelId() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Registers {@code name} bound to the workspace's bot token and a fresh channel id; answers the id. */
    static String registerBotChannel(String name) {
        String channelId = uniqueChannelId();
        Api.as("ops").body(Map.of("name", name, "botToken", SlackWorkspace.BOT_TOKEN, "channelId", channelId))
                .when().post("/channels").then().statusCode(201)
                .body("botTokenConfigured", equalTo(true))
                .body("channelId", equalTo(channelId))
                .body("webhookConfigured", equalTo(false))
                .body("botToken", nullValue());
        return channelId;
    }

    /** A fresh launch whose ticket events all go to channel {@code name} too. */
    static UUID launchRoutedTo(String name) {
        UUID launch = UUID.randomUUID();
        RouteTest.create(RouteTest.route("tickets-to-" + name.substring(1), "work.remote.ticket.*",
                Map.of("launchId", launch.toString()), List.of(RouteTest.target("SLACK_CHANNEL", name))));
        return launch;
    }

    /** The messages the channel shows, thread replies left out. */
    static List<Message> channelMessages(String channelId) {
        return workspace().messages(channelId).stream().filter(message -> !message.inThread()).toList();
    }

    static Message theOnlyMessage(String channelId) {
        return await().atMost(SLACK).until(() -> channelMessages(channelId), hasSize(1)).get(0);
    }

    /** The buttons of a message that do something in the app, as {@code action_id=value}. */
    static List<String> appButtons(Message message) {
        List<String> buttons = new ArrayList<>();
        message.blocks().findParents("action_id")
                .forEach(button -> buttons.add(button.path("action_id").asText() + "=" + button.path("value").asText()));
        return buttons;
    }

    /** The fields of the message's status block, each as {@code *Label*\nvalue}. */
    static List<String> statusFields(Message message) {
        List<String> fields = new ArrayList<>();
        message.blocks().forEach(block -> {
            if ("ticket-status".equals(block.path("block_id").asText())) {
                block.path("fields").forEach(field -> fields.add(field.path("text").asText()));
            }
        });
        return fields;
    }

    /** The Web API calls whose parameters mention {@code text}, oldest first. */
    static List<SlackSink.ApiCall> apiCallsMentioning(String text) {
        return RemoteWorkTestResource.slack().apiCalls().stream()
                .filter(call -> call.params().values().stream().anyMatch(value -> value.contains(text))).toList();
    }

    static JsonNode delivery(String ceId, String target) {
        String body = Api.as("cs-agent").queryParam("ceId", ceId).queryParam("target", target).when()
                .get("/deliveries").then().statusCode(200).extract().asString();
        try {
            return EventJson.mapper().readTree(body).path("items").path(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The later events of the ticket {@code issue} reports. */
    record Ticket(CriticalIssueReported issue) {

        static Ticket reported(String title, UUID launch) {
            return new Ticket(TestEvents.criticalIssue(title, launch));
        }

        UUID id() {
            return issue.ticketId();
        }

        Instant at(int minutes) {
            return issue.reportedAt().plus(Duration.ofMinutes(minutes));
        }

        TicketStatusChanged moved(TicketStatus from, TicketStatus to, String by, boolean acknowledged, int minutes) {
            return new TicketStatusChanged(id(), issue.launchId(), issue.title(), Severity.CRITICAL, from, to,
                    acknowledged ? by : null, acknowledged, null, by, at(minutes), issue.resolveBy(), issue.link());
        }

        TicketCommented commented(String body) {
            return new TicketCommented(id(), issue.launchId(), issue.title(), Severity.CRITICAL, UUID.randomUUID(),
                    "raj.patel", body, at(20), issue.link());
        }

        SlaAtRisk atRisk() {
            return new SlaAtRisk(id(), issue.launchId(), issue.title(), issue.impact(), null, issue.reportedAt(),
                    issue.resolveBy(), 60, issue.link());
        }

        SlaBreached breached() {
            return new SlaBreached(id(), issue.launchId(), issue.title(), issue.impact(), null, issue.reportedAt(),
                    issue.resolveBy(), issue.link());
        }

        CriticalIssueEscalated escalated(int level) {
            return new CriticalIssueEscalated(id(), issue.launchId(), issue.title(), issue.impact(), level,
                    level == 1 ? EscalationReason.UNACKNOWLEDGED : EscalationReason.UNRESOLVED_AT_RISK, null,
                    issue.reportedAt(), issue.resolveBy(), at(level == 1 ? 15 : 120), issue.link());
        }

        TicketResolved resolved(String by, int minutes) {
            return new TicketResolved(id(), issue.launchId(), null, issue.title(), TicketType.BUG, Severity.CRITICAL,
                    "Card BIN list refreshed", by, issue.reportedAt(), at(minutes), true, issue.link());
        }
    }

    @Test
    void aParticipantMappedToASlackUserIsAskedForAdoptionFeedbackInADirectMessageAndOthersByEmail() {
        AdoptionFeedbackRequested sample = EventSamples.adoptionFeedbackRequested();
        AdoptionFeedbackRequested toSlack = new AdoptionFeedbackRequested(UUID.randomUUID(), sample.processId(),
                sample.key(), sample.version(), sample.title(), NotificationTestResource.SLACK_PERSON, "Tom Becker",
                sample.role(), sample.rolloutStartedAt(), sample.followUpAt(), Instant.now(), sample.link());
        assertThat(RouteTest.dryRunTargets(toSlack)).containsExactly("SLACK @" + NotificationTestResource.SLACK_PERSON_USER);
        assertThat(RouteTest.dryRunTargets(sample)).containsExactly("EMAIL " + sample.person() + "@remote-work.local");

        String ceId = TestEvents.send(toSlack);

        Message asked = theOnlyMessage(NotificationTestResource.SLACK_PERSON_USER);
        assertThat(asked.user()).isEqualTo(SlackWorkspace.BOT_USER_ID);
        assertThat(asked.text()).isEqualTo("How is " + sample.title() + " working for you?");
        assertThat(asked.blocks().findValuesAsText("url")).contains(sample.link());
        String target = "@" + NotificationTestResource.SLACK_PERSON_USER;
        await().atMost(SLACK).until(() -> delivery(ceId, target).path("state").asText(), equalTo("DELIVERED"));
    }

    @Test
    void aCriticalIssueToABotChannelCarriesAcknowledgeAndResolveButtons() {
        String name = Api.uniqueChannel("bot-report");
        String channelId = registerBotChannel(name);
        Ticket ticket = Ticket.reported("Withdrawals fail", launchRoutedTo(name));
        String ceId = TestEvents.send(ticket.issue());

        Message posted = theOnlyMessage(channelId);
        assertThat(posted.user()).isEqualTo(SlackWorkspace.BOT_USER_ID);
        assertThat(posted.text()).contains(ticket.issue().title());
        assertThat(appButtons(posted)).containsExactly(ACKNOWLEDGE + "=" + ticket.id(), RESOLVE + "=" + ticket.id());
        assertThat(posted.blocks().findValuesAsText("url")).contains(ticket.issue().link());
        await().atMost(SLACK).until(() -> delivery(ceId, name).path("state").asText(), equalTo("DELIVERED"));
        JsonNode delivered = delivery(ceId, name);
        assertThat(delivered.path("slackChannelId").asText()).isEqualTo(channelId);
        assertThat(delivered.path("slackTs").asText()).isEqualTo(posted.ts());
        assertThat(delivered.path("slackThreadTs").textValue()).isNull();

        // #product is bound to an incoming webhook in the tests: it gets today's message, which no one can press
        await().atMost(SLACK).until(() -> Api.callsMentioning(ticket.id().toString()), hasSize(1));
        assertThat(Api.callsMentioning(ticket.id().toString()).get(0).body()).doesNotContain(ACKNOWLEDGE, RESOLVE)
                .contains(ticket.issue().link());
    }

    @Test
    void laterEventsOfATicketLandInItsThread() {
        String name = Api.uniqueChannel("bot-thread");
        String channelId = registerBotChannel(name);
        Ticket ticket = Ticket.reported("Trading blocked", launchRoutedTo(name));
        String comment = "Reproduced with a test card " + UUID.randomUUID();
        TestEvents.send(ticket.issue());
        TestEvents.send(ticket.moved(TicketStatus.OPEN, TicketStatus.TRIAGED, "pat.product", false, 3));
        TestEvents.send(ticket.commented(comment));
        TestEvents.send(ticket.escalated(1));
        TestEvents.send(ticket.atRisk());
        TestEvents.send(ticket.breached());
        TestEvents.send(ticket.resolved("raj.patel", 200));

        Message original = theOnlyMessage(channelId);
        List<Message> replies = await().atMost(SLACK).until(() -> workspace().replies(channelId, original.ts()),
                hasSize(6));
        assertThat(replies).extracting(Message::text).satisfiesExactly(
                text -> assertThat(text).startsWith("TRIAGED: "),
                text -> assertThat(text).startsWith("raj.patel commented on "),
                text -> assertThat(text).startsWith("Escalated (level 1), not acknowledged: "),
                text -> assertThat(text).startsWith("SLA at risk, 1 h left: "),
                text -> assertThat(text).startsWith("SLA breached, "),
                text -> assertThat(text).startsWith("Resolved: "));
        assertThat(replies).allSatisfy(reply -> assertThat(reply.text()).contains(ticket.issue().title()));
        assertThat(replies.get(1).blocks().toString()).contains(comment);
        assertThat(channelMessages(channelId)).extracting(Message::ts).containsExactly(original.ts());

        // the replies that alert the channel are shown in it too; the others stay in the thread
        List<SlackSink.ApiCall> posts = apiCallsMentioning(ticket.id().toString()).stream()
                .filter(call -> call.method().equals("chat.postMessage") && original.ts().equals(call.params().get("thread_ts")))
                .toList();
        assertThat(posts).hasSize(6).allSatisfy(call -> assertThat(call.params().get("channel")).isEqualTo(channelId));
        assertThat(posts).filteredOn(call -> "1".equals(call.params().get("reply_broadcast")))
                .extracting(call -> call.params().get("text"))
                .satisfiesExactly(text -> assertThat(text).startsWith("Escalated"),
                        text -> assertThat(text).startsWith("SLA at risk"),
                        text -> assertThat(text).startsWith("SLA breached"));
    }

    @Test
    void anAcknowledgementUpdatesTheOriginalMessageInPlace() {
        String name = Api.uniqueChannel("bot-ack");
        String channelId = registerBotChannel(name);
        Ticket ticket = Ticket.reported("Withdrawal queue stuck", launchRoutedTo(name));
        TestEvents.send(ticket.issue());
        TestEvents.send(ticket.moved(TicketStatus.OPEN, TicketStatus.TRIAGED, "pat.product", false, 4));
        TestEvents.send(ticket.moved(TicketStatus.TRIAGED, TicketStatus.IN_PROGRESS, "pat.product", true, 5));

        String ts = theOnlyMessage(channelId).ts();
        List<Message> versions = await().atMost(SLACK).until(() -> workspace().history(channelId, ts), hasSize(3));
        assertThat(versions.get(1).blocks().get(0)).isEqualTo(versions.get(0).blocks().get(0));
        assertThat(statusFields(versions.get(1))).containsExactly("*Status*\nTRIAGED",
                "*Time left*\n2 h 56 min (resolve by 2026-11-25 13:00 UTC)");
        assertThat(appButtons(versions.get(1))).containsExactly(ACKNOWLEDGE + "=" + ticket.id(),
                RESOLVE + "=" + ticket.id());
        Message acknowledged = versions.get(2);
        assertThat(acknowledged.text()).isEqualTo(versions.get(0).text());
        assertThat(statusFields(acknowledged)).containsExactly("*Status*\nIN_PROGRESS",
                "*Acknowledged by*\npat.product at 2026-11-25 10:05 UTC",
                "*Time left*\n2 h 55 min (resolve by 2026-11-25 13:00 UTC)");
        assertThat(appButtons(acknowledged)).containsExactly(RESOLVE + "=" + ticket.id());
        assertThat(channelMessages(channelId)).hasSize(1);

        TestEvents.send(ticket.resolved("pat.product", 90));
        List<Message> resolved = await().atMost(SLACK).until(() -> workspace().history(channelId, ts), hasSize(4));
        Message last = resolved.get(3);
        assertThat(statusFields(last)).containsExactly("*Status*\nRESOLVED",
                "*Acknowledged by*\npat.product at 2026-11-25 10:05 UTC",
                "*Resolved by*\npat.product at 2026-11-25 11:30 UTC, within the deadline");
        assertThat(appButtons(last)).as("no buttons once resolved").isEmpty();
        assertThat(last.blocks().findValuesAsText("url")).contains(ticket.issue().link());

        List<Map<String, Object>> updates = Api.as("ops").queryParam("ticketId", ticket.id().toString())
                .queryParam("target", name).when().get("/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.purpose == 'UPDATE' }");
        assertThat(updates).hasSize(3).allSatisfy(update -> {
            assertThat(update.get("state")).isEqualTo("DELIVERED");
            assertThat(update.get("slackTs")).isEqualTo(ts);
            assertThat(update.get("slackChannelId")).isEqualTo(channelId);
        });
    }

    @Test
    void aThreadReplyWaitsForItsOriginal() {
        String name = Api.uniqueChannel("bot-wait");
        String channelId = registerBotChannel(name);
        UUID launch = launchRoutedTo(name);
        TicketOpened opened = RouteTest.ticket(launch, Severity.HIGH);
        IntStream.range(0, 4).forEach(i -> RemoteWorkTestResource.slack().respondNext(500, Map.of(), "internal_error"));
        TestEvents.send(opened);
        await().atMost(SLACK).until(() -> !apiCallsMentioning(opened.ticketId().toString()).isEmpty());

        String comment = "Seen on two more cards " + UUID.randomUUID();
        String commentCeId = TestEvents.send(new TicketCommented(opened.ticketId(), launch, opened.title(),
                Severity.HIGH, UUID.randomUUID(), "raj.patel", comment, Instant.now(), opened.link()));

        await().atMost(SLACK).pollInterval(Duration.ofMillis(50)).until(
                () -> delivery(commentCeId, name).path("lastError").asText(),
                text -> text.startsWith("Waiting for the ticket's earlier messages to " + name));
        Message original = theOnlyMessage(channelId);
        Message reply = await().atMost(SLACK).until(() -> workspace().replies(channelId, original.ts()), hasSize(1))
                .get(0);
        assertThat(reply.blocks().toString()).contains(comment);
        List<SlackSink.ApiCall> commentCalls = apiCallsMentioning(comment);
        assertThat(commentCalls).singleElement().satisfies(call -> {
            assertThat(call.params().get("thread_ts")).isEqualTo(original.ts());
            assertThat(call.status()).isEqualTo(200);
        });
        List<SlackSink.ApiCall> originalCalls = apiCallsMentioning(opened.ticketId().toString());
        assertThat(originalCalls).extracting(SlackSink.ApiCall::status).startsWith(500, 500, 500, 500, 200);
        assertThat(Duration.between(originalCalls.get(4).receivedAt(), commentCalls.get(0).receivedAt()))
                .as("the reply is woken once its original is out, not at its next look")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(channelMessages(channelId)).hasSize(1);
        await().atMost(SLACK).until(() -> delivery(commentCeId, name).path("slackThreadTs").asText(),
                equalTo(original.ts()));
    }

    @Test
    void aReplyStopsWaitingAfterTheThreadWaitAndSaysSo() {
        String name = Api.uniqueChannel("bot-bound");
        String channelId = registerBotChannel(name);
        UUID launch = launchRoutedTo(name);
        TicketOpened opened = RouteTest.ticket(launch, Severity.HIGH);
        String comment = "Nobody saw the report " + UUID.randomUUID();
        String commentCeId = UUID.randomUUID().toString();
        // planned here, not published, to hold the report back: it is not sent for an hour, as if Slack kept failing
        // it, and its reply waits for it...
        QuarkusTransaction.requiringNew().run(() -> {
            plan(UUID.randomUUID().toString(), opened);
            Delivery.update("nextAttemptAt = ?1 where ticketId = ?2 and target = ?3",
                    clock.instant().plus(Duration.ofHours(1)), opened.ticketId(), name);
        });
        QuarkusTransaction.requiringNew().run(() -> plan(commentCeId, new TicketCommented(opened.ticketId(), launch,
                opened.title(), Severity.HIGH, UUID.randomUUID(), "raj.patel", comment, Instant.now(), opened.link())));
        await().atMost(SLACK).until(() -> delivery(commentCeId, name).path("lastError").asText(),
                text -> text.startsWith("Waiting for the ticket's earlier messages to " + name));
        assertThat(workspace().messages(channelId)).isEmpty();

        // ...until the thread wait is over: then it goes to the channel, saying why it is not in a thread
        try {
            clock.advance(Duration.ofMinutes(11));
            Message posted = theOnlyMessage(channelId);
            assertThat(posted.blocks().toString()).contains(comment).contains("Posted outside the ticket's thread: "
                    + "its first message here was still not posted 10 min after this was planned.");
        } finally {
            clock.reset();
        }
    }

    void plan(String ceId, DomainEvent event) {
        planner.plan(ConsumedEvent.decode(ceId, event.eventSubject(), event.getClass(),
                EventJson.mapper().valueToTree(event)));
    }

    @Test
    void aReplyWhoseOriginalDiedGoesToTheChannelSayingSo() {
        String name = Api.uniqueChannel("bot-dead");
        String channelId = registerBotChannel(name);
        UUID launch = launchRoutedTo(name);
        TicketOpened opened = RouteTest.ticket(launch, Severity.HIGH);
        RemoteWorkTestResource.slack().respondNext(404, Map.of(), "channel_not_found");
        String openedCeId = TestEvents.send(opened);
        await().atMost(SLACK).until(() -> delivery(openedCeId, name).path("state").asText(), equalTo("DEAD"));

        String comment = "Still failing " + UUID.randomUUID();
        TestEvents.send(new TicketCommented(opened.ticketId(), launch, opened.title(), Severity.HIGH,
                UUID.randomUUID(), "raj.patel", comment, Instant.now(), opened.link()));

        Message posted = theOnlyMessage(channelId);
        assertThat(posted.threadTs()).isNull();
        assertThat(posted.blocks().toString()).contains(comment)
                .contains("Posted outside the ticket's thread: its first message here could not be posted.");
    }

    @Test
    void theWebApiIsThrottledByRetryAfter() {
        String name = Api.uniqueChannel("bot-429");
        String channelId = registerBotChannel(name);
        String marker = "Throttled " + UUID.randomUUID();
        RemoteWorkTestResource.slack().respondNext(429, Map.of("Retry-After", "2"), "rate_limited");
        String ceId = TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), name, marker));

        await().atMost(SLACK).until(() -> workspace().messages(channelId), hasSize(1));
        List<SlackSink.ApiCall> calls = apiCallsMentioning(marker);
        assertThat(calls).extracting(SlackSink.ApiCall::status).containsExactly(429, 200);
        assertThat(calls.get(0).error()).isEqualTo("ratelimited");
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        await().atMost(SLACK).until(() -> delivery(ceId, name).path("state").asText(), equalTo("DELIVERED"));
        assertThat(delivery(ceId, name).path("attempts").asInt()).isEqualTo(2);
        assertThat(delivery(ceId, name).path("slackTs").asText()).isEqualTo(workspace().messages(channelId).get(0).ts());
    }

    @Test
    void aBotTokenIsNeverShown() {
        String token = "xoxb-" + UUID.randomUUID().toString().replace("-", "");
        workspace().acceptToken(token);
        String name = Api.uniqueChannel("bot-secret");
        String channelId = uniqueChannelId();
        List<String> responses = new ArrayList<>();
        try (SlackChannelTest.CapturedLog log = new SlackChannelTest.CapturedLog()) {
            var created = Api.as("ops").body(Map.of("name", name, "botToken", token, "channelId", channelId)).when()
                    .post("/channels").then().statusCode(201)
                    .body("botTokenConfigured", equalTo(true))
                    .body("channelId", equalTo(channelId))
                    .body("botToken", nullValue())
                    .extract();
            responses.add(created.asString());
            String id = created.path("id");
            responses.add(Api.as("cs-agent").when().get("/channels/" + id).then().statusCode(200).extract().asString());
            responses.add(Api.as("ops").queryParam("size", 200).when().get("/channels").then().statusCode(200)
                    .extract().asString());
            responses.add(Api.as("ops").header("If-Match", "\"0\"")
                    .body(Map.of("name", name, "botToken", "not-" + token, "channelId", channelId)).when()
                    .put("/channels/" + id).then().statusCode(400)
                    .body("violations.field", hasItem("botToken")).extract().asString());
            responses.add(Api.as("ops").header("If-Match", "\"0\"")
                    .body(Map.of("name", name, "botToken", token, "webhookUrl", "https://hooks.slack.com/x")).when()
                    .put("/channels/" + id).then().statusCode(400)
                    .body("violations.field", hasItem("botToken")).extract().asString());

            RemoteWorkTestResource.slack().respondNext(500, Map.of(), "internal_error");
            UUID launch = UUID.randomUUID();
            String ceId = TestEvents.send(TestEvents.statusPost(launch, name, "Fails once, then posts"));
            await().atMost(SLACK).until(() -> workspace().messages(channelId), hasSize(1));
            await().atMost(SLACK).until(() -> delivery(ceId, name).path("state").asText(), equalTo("DELIVERED"));
            responses.add(Api.as("product").queryParam("launchId", launch.toString()).when().get("/deliveries")
                    .then().statusCode(200).extract().asString());
            responses.add(Api.as("ops").body(Map.of("ceType", "work.remote.ticket.LaunchStatusPosted",
                    "data", EventJson.mapper().valueToTree(TestEvents.statusPost(launch, name, "dry")))).when()
                    .post("/routes/dry-run").then().statusCode(200).extract().asString());

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains(name).contains("500"));
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(token.substring(5)));
        }
        assertThat(responses).isNotEmpty().noneSatisfy(response -> assertThat(response).contains(token.substring(5)));
        assertThat(RemoteWorkTestResource.slack().apiCalls()).noneSatisfy(call ->
                assertThat(call.params().toString()).contains(token.substring(5)));
    }

    @Test
    void aChannelIsBoundToAWebhookOrToABotTokenAndMovesBetweenThem() {
        String name = Api.uniqueChannel("bot-moves");
        String webhook = "T0/moves/" + UUID.randomUUID();
        String id = Api.registerChannel(name, webhook, Map.of());
        String channelId = uniqueChannelId();
        Api.as("ops").header("If-Match", "\"0\"").body(Map.of("name", name, "botToken", SlackWorkspace.BOT_TOKEN,
                "channelId", channelId)).when().put("/channels/" + id).then().statusCode(200)
                .body("botTokenConfigured", equalTo(true)).body("channelId", equalTo(channelId))
                .body("webhookConfigured", equalTo(false)).body("webhookHost", nullValue());
        TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), name, "Through the bot"));
        await().atMost(SLACK).until(() -> workspace().messages(channelId), hasSize(1));

        String movedTo = uniqueChannelId();
        Api.as("ops").header("If-Match", "\"1\"").body(Map.of("name", name, "channelId", movedTo)).when()
                .put("/channels/" + id).then().statusCode(200).body("channelId", equalTo(movedTo))
                .body("botTokenConfigured", equalTo(true));
        TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), name, "Through the bot, elsewhere"));
        await().atMost(SLACK).until(() -> workspace().messages(movedTo), hasSize(1));

        Api.as("ops").header("If-Match", "\"2\"").body(Map.of("name", name,
                "webhookUrl", RemoteWorkTestResource.slack().webhookUrl(webhook))).when().put("/channels/" + id).then()
                .statusCode(200).body("botTokenConfigured", equalTo(false)).body("channelId", nullValue())
                .body("webhookConfigured", equalTo(true));
        TestEvents.send(TestEvents.statusPost(UUID.randomUUID(), name, "Through the webhook again"));
        await().atMost(SLACK).until(() -> Api.callsTo(webhook), hasSize(1));
        assertThat(workspace().messages(channelId)).hasSize(1);
        assertThat(workspace().messages(movedTo)).hasSize(1);

        Api.as("ops").body(Map.of("name", Api.uniqueChannel("no-id"), "botToken", SlackWorkspace.BOT_TOKEN)).when()
                .post("/channels").then().statusCode(400).body("violations.field", hasItem("channelId"));
        Api.as("ops").body(Map.of("name", Api.uniqueChannel("no-token"), "channelId", uniqueChannelId())).when()
                .post("/channels").then().statusCode(400).body("violations.field", hasItem("botToken"));
        Api.as("ops").body(Map.of("name", Api.uniqueChannel("direct"), "botToken", SlackWorkspace.BOT_TOKEN,
                "channelId", "D0DIRECT")).when().post("/channels").then().statusCode(400)
                .body("violations.field", hasItem("channelId"));
        Api.as("ops").body(Map.of("name", Api.uniqueChannel("user-token"), "botToken", "xoxp-1-2-3",
                "channelId", uniqueChannelId())).when().post("/channels").then().statusCode(400)
                .body("violations.field", hasItem("botToken"));
        Api.as("product").queryParam("size", 200).when().get("/channels").then().statusCode(200)
                .body("items.find { it.name == '" + NotificationTestResource.BOT_CHANNEL + "' }.botTokenConfigured",
                        equalTo(true))
                .body("items.find { it.name == '" + NotificationTestResource.BOT_CHANNEL + "' }.channelId",
                        equalTo(NotificationTestResource.BOT_CHANNEL_ID));
    }

    @Test
    void escalationsGoToTheirTargets() {
        String name = Api.uniqueChannel("bot-level-2");
        String channelId = registerBotChannel(name);
        UUID launch = UUID.randomUUID();
        RouteTest.create(RouteTest.route("second-escalations-to-" + name.substring(1),
                "work.remote.ticket.CriticalIssueEscalated", Map.of("launchId", launch.toString(), "level", 2),
                List.of(RouteTest.target("SLACK_CHANNEL", name))));
        Ticket ticket = Ticket.reported("Nobody took it", launch);

        String first = TestEvents.send(ticket.escalated(1));
        await().atMost(SLACK).until(() -> mailsAbout(ticket, "level 1"), hasSize(1));
        assertThat(mailsAbout(ticket, "level 1").get(0).to()).containsExactly("on-call@remote.work");
        await().atMost(SLACK).until(() -> Api.callsMentioning(ticket.id().toString()), hasSize(1));
        assertThat(Api.callsMentioning(ticket.id().toString()).get(0).body()).contains("<!here>")
                .contains("Escalated (level 1)");
        assertThat(targetsOf(first)).containsExactlyInAnyOrder("SLACK #product", "EMAIL on-call@remote.work");

        String second = TestEvents.send(ticket.escalated(2));
        await().atMost(SLACK).until(() -> mailsAbout(ticket, "level 2"), hasSize(2));
        assertThat(mailsAbout(ticket, "level 2")).flatExtracting(SmtpServer.ReceivedMail::to)
                .containsExactlyInAnyOrder("on-call@remote.work", "ops-team@remote.work");
        assertThat(targetsOf(second)).containsExactlyInAnyOrder("SLACK #product", "EMAIL on-call@remote.work",
                "EMAIL ops-team@remote.work", "SLACK #ops", "SLACK " + name);
        Message posted = theOnlyMessage(channelId);
        assertThat(posted.text()).startsWith("Escalated (level 2), still unresolved: ");
        assertThat(posted.blocks().toString()).contains("<!here>").contains("1 h left");
        assertThat(mailsAbout(ticket, "level 1")).hasSize(1);

        Api.as("ops").body(RouteTest.route("levels-of-openings", "work.remote.ticket.TicketOpened",
                Map.of("level", 1), List.of(RouteTest.target("SLACK_CHANNEL", name)))).when().post("/routes").then()
                .statusCode(400).body("violations.field", hasItem("level"));
        Api.as("ops").body(RouteTest.route("level-three", "work.remote.ticket.CriticalIssueEscalated",
                Map.of("level", 3), List.of(RouteTest.target("SLACK_CHANNEL", name)))).when().post("/routes").then()
                .statusCode(400).body("violations.field", hasItem("level"));
    }

    static List<SmtpServer.ReceivedMail> mailsAbout(Ticket ticket, String level) {
        return RemoteWorkTestResource.smtp().messages().stream()
                .filter(mail -> mail.subject().contains(ticket.issue().title()) && mail.subject().contains(level))
                .toList();
    }

    /** The targets the deliveries of event {@code ceId} went to, as "CHANNEL target". */
    static List<String> targetsOf(String ceId) {
        var items = Api.as("ops").queryParam("ceId", ceId).when().get("/deliveries").then().statusCode(200)
                .extract().jsonPath();
        List<String> channels = items.getList("items.channel");
        List<String> targets = items.getList("items.target");
        return IntStream.range(0, channels.size()).mapToObj(i -> channels.get(i) + " " + targets.get(i)).toList();
    }
}

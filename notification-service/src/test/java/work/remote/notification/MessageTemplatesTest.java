package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventJson;
import work.remote.events.EventSamples;
import work.remote.events.notification.Channel;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.notification.service.MessageRenderer;
import work.remote.notification.service.ConfiguredContexts;

/** Every event type this service consumes renders, from its sample, into Block Kit and an email with its link. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class MessageTemplatesTest {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    MessageRenderer renderer;

    static Stream<Class<? extends DomainEvent>> consumedEventTypes() {
        return ConfiguredContexts.consumedContexts().stream().flatMap(context -> EventCatalog.ofContext(context).stream());
    }

    /** Renders {@code data} as a {@code type} for Slack and email, as for an event with targets on both. */
    RenderedMessage render(Class<? extends DomainEvent> type, JsonNode data) {
        return renderer.render(ConsumedEvent.decode(null, null, type, data), EnumSet.allOf(Channel.class));
    }

    @ParameterizedTest
    @MethodSource("consumedEventTypes")
    void everyEventTypeRendersAsBlockKitWithItsKeyFieldsAndLink(Class<? extends DomainEvent> type) throws Exception {
        DomainEvent sample = EventSamples.of(type);
        JsonNode data = EventJson.mapper().valueToTree(sample);
        String link = data.path("link").asText();

        RenderedMessage message = render(type, data);

        JsonNode slack = EventJson.mapper().readTree(message.slackBlocks());
        assertThat(slack.path("text").asText()).isNotBlank().isEqualTo(message.title());
        JsonNode blocks = slack.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(message.title());
        List<String> fields = new ArrayList<>();
        blocks.get(1).path("fields").forEach(field -> fields.add(field.path("text").asText()));
        assertThat(fields).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(field -> assertThat(field).matches("(?s)\\*[^*]+\\*\\n.+").doesNotEndWith("null"));
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        assertThat(actions.path("elements").findValuesAsText("url")).contains(link);

        assertThat(message.emailText()).startsWith(message.title()).contains(link).doesNotContain("null");
        assertThat(message.emailHtml()).contains("href=\"" + link + "\"").contains("<h2>");
    }

    @ParameterizedTest
    @MethodSource("consumedEventTypes")
    void titlesNameWhatHappenedInTheSamplesOwnWords(Class<? extends DomainEvent> type) {
        JsonNode data = EventJson.mapper().valueToTree(EventSamples.of(type));
        String title = render(type, data).title();
        List<String> names = Stream.of(data.path("title"), data.path("feature"), data.path("meetingTitle"),
                data.path("description"), data.path("subject").path("title"))
                .map(JsonNode::asText).filter(value -> !value.isEmpty()).toList();
        assertThat(names).anySatisfy(name -> assertThat(title).contains(name));
    }

    @Test
    void aLaunchStartMessageLinksTheParentTicketForChildTickets() throws Exception {
        LaunchStarted started = EventSamples.launchStarted();
        RenderedMessage message = render(LaunchStarted.class, EventJson.mapper().valueToTree(started));
        JsonNode slack = EventJson.mapper().readTree(message.slackBlocks());
        assertThat(slack.findValuesAsText("url")).contains(started.parentTicketLink(), started.rulesDocumentLink());
        assertThat(message.emailText()).contains(started.parentTicketLink());
    }

    @Test
    void anSlaAtRiskMessageNamesTheTicketAndTheTimeLeftLinksItAndAlertsTheChannel() throws Exception {
        SlaAtRisk atRisk = EventSamples.slaAtRisk();
        RenderedMessage message = render(SlaAtRisk.class, EventJson.mapper().valueToTree(atRisk));

        String timeLeft = "1 h";
        assertThat(atRisk.minutesRemaining()).isEqualTo(60);
        assertThat(message.title()).contains(atRisk.title()).contains(timeLeft + " left");
        JsonNode slack = EventJson.mapper().readTree(message.slackBlocks());
        assertThat(alertText(slack)).contains(atRisk.title()).contains(timeLeft + " left");
        assertThat(slack.findValuesAsText("url")).contains(atRisk.link());
        assertThat(message.emailText()).contains(atRisk.title()).contains("Time left:  " + timeLeft).contains(atRisk.link())
                .doesNotContain("<!here>");
        assertThat(message.emailHtml()).contains(atRisk.title()).contains("<td>" + timeLeft + "</td>")
                .contains("href=\"" + atRisk.link() + "\"").doesNotContain("!here");
    }

    @Test
    void anSlaBreachedMessageNamesTheTicketAndSinceWhenItIsOverdueLinksItAndAlertsTheChannel() throws Exception {
        SlaBreached breached = EventSamples.slaBreached();
        RenderedMessage message = render(SlaBreached.class, EventJson.mapper().valueToTree(breached));

        String overdueSince = UTC.format(breached.resolveBy());
        assertThat(Duration.between(breached.reportedAt(), breached.resolveBy())).hasHours(3);
        assertThat(message.title()).contains(breached.title()).contains("overdue since " + overdueSince);
        JsonNode slack = EventJson.mapper().readTree(message.slackBlocks());
        assertThat(alertText(slack)).contains(breached.title()).contains("Overdue since " + overdueSince)
                .contains("3 h after it was reported");
        assertThat(slack.findValuesAsText("url")).contains(breached.link());
        assertThat(message.emailText()).contains(breached.title()).contains("Overdue since: " + overdueSince)
                .contains(breached.link()).doesNotContain("<!here>");
        assertThat(message.emailHtml()).contains(breached.title()).contains("<td>" + overdueSince + "</td>")
                .contains("href=\"" + breached.link() + "\"").doesNotContain("!here");
    }

    @Test
    void onlyTheSlaMessagesAndEscalationsAlertTheWholeChannel() {
        assertThat(consumedEventTypes()).allSatisfy(type -> {
            String slack = render(type, EventJson.mapper().valueToTree(EventSamples.of(type)))
                    .slackBlocks();
            boolean alert = type == SlaAtRisk.class || type == SlaBreached.class || type == CriticalIssueEscalated.class;
            assertThat(slack.contains("<!here>")).as(type.getSimpleName()).isEqualTo(alert);
            assertThat(slack).doesNotContain("<!channel>", "<!everyone>");
        });
    }

    /** The mrkdwn section that mentions {@code @here}: there is exactly one. */
    static String alertText(JsonNode slack) {
        List<String> alerts = new ArrayList<>();
        slack.path("blocks").forEach(block -> alerts.add(block.at("/text/text").asText()));
        alerts.removeIf(text -> !text.startsWith("<!here> "));
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }
}

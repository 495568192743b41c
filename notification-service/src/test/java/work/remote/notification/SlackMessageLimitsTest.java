package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.BlockKitValidator;
import work.remote.devinfra.SlackSink;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.notification.Channel;
import work.remote.notification.service.MessageRenderer;
import work.remote.notification.service.ConfiguredContexts;

/**
 * Every Slack message this service renders is one Slack accepts, whatever users typed: it keeps Block Kit's limits
 * (checked by the Slack sink's own validator, and end to end by the strict sink), and user text can neither mention
 * a channel nor disguise a link.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class SlackMessageLimitsTest {

    /** {@link HostileEvents#HOSTILE} as it must read in mrkdwn: every {@code &}, {@code <} and {@code >} escaped. */
    static final String HOSTILE_IN_MRKDWN = HostileEvents.HOSTILE
            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");

    @Inject
    MessageRenderer renderer;

    static Stream<Class<? extends DomainEvent>> consumedTypes() {
        return HostileEvents.consumedTypes();
    }

    @ParameterizedTest
    @MethodSource("consumedTypes")
    void userTextCannotMentionOrLinkInSlackAndReadsAsTypedEverywhereElse(Class<? extends DomainEvent> type)
            throws Exception {
        String marker = "m-" + type.getSimpleName() + " ";
        RenderedMessage message = render(HostileEvents.hostile(type, marker));

        JsonNode slack = EventJson.mapper().readTree(message.slackBlocks());
        List<String> mrkdwn = mrkdwnTexts(slack);
        assertThat(mrkdwn).allSatisfy(SlackMessageLimitsTest::holdsNoUserMarkup)
                .anySatisfy(text -> assertThat(text).contains(marker + HOSTILE_IN_MRKDWN.substring(0, 60)));
        assertThat(slack.path("blocks").get(0).path("text").path("text").asText())
                .as("a plain_text header, which Slack does not parse, shows the text as typed")
                .contains(marker + "<!channel> <!everyone>");
        assertThat(slack.findValuesAsText("url")).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("http").endsWith("?view=all&tab=1"));
        assertThat(message.title()).contains(marker + "<!channel> <!everyone>");
        assertThat(message.emailText()).contains(marker + "<!channel> <!everyone> <https://evil.example/steal|the ticket>");
        assertThat(message.emailHtml()).doesNotContain("<!channel>").contains(marker + "&lt;!channel&gt;");
    }

    @ParameterizedTest
    @MethodSource("consumedTypes")
    void theLongestEventOfEveryTypeRendersAMessageSlackAccepts(Class<? extends DomainEvent> type) throws Exception {
        DomainEvent longest = HostileEvents.longest(type, "m-" + type.getSimpleName() + " ", Map.of());

        RenderedMessage message = render(longest);

        assertThat(BlockKitValidator.check(message.slackBlocks()).problems()).isEmpty();
        JsonNode slack = EventJson.mapper().readTree(message.slackBlocks());
        assertThat(mrkdwnTexts(slack)).allSatisfy(SlackMessageLimitsTest::holdsNoUserMarkup);
        assertThat(slack.path("blocks").get(0).path("text").path("text").asText())
                .hasSizeLessThanOrEqualTo(BlockKitValidator.MAX_HEADER_TEXT).endsWith("…");
        assertThat(message.title()).hasSizeLessThanOrEqualTo(500).endsWith("…");
        assertThat(slack.findValuesAsText("url")).isNotEmpty()
                .allSatisfy(url -> assertThat(url).endsWith("?view=all&tab=1"));
    }

    @Test
    void theLongestEventOfEveryTypeIsDeliveredThroughTheStrictSlackSink() {
        String channel = Api.uniqueChannel("t-longest");
        String webhookPath = "T0/B0/" + channel.substring(1);
        Api.registerChannel(channel, webhookPath, Map.of());
        List<String> routes = ConfiguredContexts.consumedContexts().stream()
                .map(context -> RouteTest.create(RouteTest.route("longest-" + context, "work.remote." + context + ".*",
                        Map.of(), List.of(RouteTest.target("SLACK_CHANNEL", channel)))))
                .toList();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // the fields default routes send to stay a channel and people that exist
        Map<String, String> routedFields = Map.of("csChannel", channel, "supervisor", "maria.santos", "owner", "raj.patel");
        try {
            List<String> markers = new ArrayList<>();
            consumedTypes().forEach(type -> {
                String marker = "m-" + run + "-" + type.getSimpleName() + " ";
                markers.add(marker);
                TestEvents.send(HostileEvents.longest(type, marker, routedFields));
            });

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(markers).allSatisfy(marker ->
                    assertThat(callsMentioning(webhookPath, marker)).isNotEmpty()));
            assertThat(markers).allSatisfy(marker -> assertThat(callsMentioning(webhookPath, marker))
                    .extracting(SlackSink.SlackCall::status).containsExactly(200));
        } finally {
            routes.forEach(id -> Api.as("ops").when().delete("/routes/" + id).then().statusCode(204));
        }
    }

    /** Every {@code <} is the templates' own {@code <!here>}, every {@code &} starts an entity. */
    static void holdsNoUserMarkup(String mrkdwn) {
        assertThat(mrkdwn.replace("<!here>", "")).doesNotContain("<").doesNotContain(">");
        assertThat(mrkdwn.replaceAll("&(amp|lt|gt);", "")).doesNotContain("&");
    }

    /**
     * The message's top-level text and the text of every mrkdwn text object: what Slack formats as mrkdwn. Each
     * text object is verbatim, so Slack does not make mentions of a typed {@code @here} either.
     */
    static List<String> mrkdwnTexts(JsonNode slack) {
        List<String> texts = new ArrayList<>(List.of(slack.path("text").asText()));
        slack.findParents("type").stream()
                .filter(node -> node.path("type").asText().equals("mrkdwn"))
                .forEach(node -> {
                    assertThat(node.path("verbatim").asBoolean()).as("verbatim: %s", node).isTrue();
                    texts.add(node.path("text").asText());
                });
        return texts;
    }

    static List<SlackSink.SlackCall> callsMentioning(String webhookPath, String marker) {
        return Api.callsTo(webhookPath).stream().filter(call -> call.body().contains(marker)).toList();
    }

    RenderedMessage render(DomainEvent event) {
        return renderer.render(ConsumedEvent.decode(null, null, event.getClass(), EventJson.mapper().valueToTree(event)),
                EnumSet.allOf(Channel.class));
    }
}

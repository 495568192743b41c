package work.remote.devinfra;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;

import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SlackWorkspace.User;

/** The stand-in's Web API, called with Slack's own Java SDK as the services call it. */
class SlackWebApiTest {

    static final User PRODUCT_OWNER = new User("U0PRODUCT", "pat", "pat@remote.work");
    static final String PRODUCT = "C0PRODUCT";

    static SlackSink sink;
    static Slack slack;
    static MethodsClient methods;

    @BeforeAll
    static void startSink() {
        sink = SlackSink.start(0);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sink.apiUrl());
        slack = Slack.getInstance(config);
        methods = slack.methods(SlackWorkspace.BOT_TOKEN);
        sink.workspace().addUser(PRODUCT_OWNER);
    }

    @AfterAll
    static void closeSink() throws Exception {
        slack.close();
        sink.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        sink.clear();
    }

    @Test
    void postMessageAnswersTheChannelAndAFreshTsAndKeepsTheMessage() throws Exception {
        ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel(PRODUCT).text("Critical issue")
                .blocks(issueBlocks("Withdrawals fail")));
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel(PRODUCT).text("Another"));

        assertThat(first.isOk()).isTrue();
        assertThat(first.getChannel()).isEqualTo(PRODUCT);
        assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(second.getTs()).isGreaterThan(first.getTs());
        assertThat(first.getMessage().getBlocks()).hasSize(2);
        assertThat(sink.workspace().messages(PRODUCT)).extracting(Message::ts).containsExactly(first.getTs(), second.getTs());
        Message kept = sink.workspace().message(PRODUCT, first.getTs()).orElseThrow();
        assertThat(kept.text()).isEqualTo("Critical issue");
        assertThat(kept.user()).isEqualTo(SlackWorkspace.BOT_USER_ID);
        assertThat(kept.threadTs()).isNull();
        assertThat(kept.blocks().get(0).path("text").path("text").asText()).isEqualTo("Withdrawals fail");
        assertThat(kept.blocks().get(1).path("elements").get(0).path("action_id").asText()).isEqualTo("acknowledge");
        assertThat(sink.workspace().messages("C0OTHER")).isEmpty();
    }

    @Test
    void theTsOfEveryPostIsUniqueUnderParallelPosts() {
        List<String> timestamps = IntStream.range(0, 40).parallel()
                .mapToObj(i -> post(PRODUCT, "message " + i).getTs())
                .toList();

        assertThat(timestamps).doesNotHaveDuplicates().hasSize(40);
        assertThat(sink.workspace().messages(PRODUCT)).hasSize(40);
    }

    @Test
    void aPostWithThreadTsIsAReplyInThatThread() throws Exception {
        String parent = post(PRODUCT, "Critical issue").getTs();

        ChatPostMessageResponse reply = methods.chatPostMessage(r -> r.channel(PRODUCT).threadTs(parent).text("SLA at risk"));
        post(PRODUCT, "Unrelated");

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.getMessage().getThreadTs()).isEqualTo(parent);
        assertThat(sink.workspace().replies(PRODUCT, parent)).singleElement().satisfies(message -> {
            assertThat(message.ts()).isEqualTo(reply.getTs());
            assertThat(message.threadTs()).isEqualTo(parent);
            assertThat(message.text()).isEqualTo("SLA at risk");
            assertThat(message.inThread()).isTrue();
        });
        assertThat(sink.workspace().message(PRODUCT, parent).orElseThrow().inThread()).isFalse();
    }

    @Test
    void updateReplacesTheMessageInPlaceAndKeepsItsHistory() throws Exception {
        String ts = methods.chatPostMessage(r -> r.channel(PRODUCT).text("Critical issue")
                .blocks(issueBlocks("Open"))).getTs();

        ChatUpdateResponse acknowledged = methods.chatUpdate(r -> r.channel(PRODUCT).ts(ts).text("Acknowledged by pat")
                .blocks(asBlocks(section(s -> s.text(markdownText("Acknowledged by pat, 2h 55m left"))))));
        ChatUpdateResponse textOnly = methods.chatUpdate(r -> r.channel(PRODUCT).ts(ts).text("Resolved"));

        assertThat(acknowledged.isOk()).isTrue();
        assertThat(acknowledged.getTs()).isEqualTo(ts);
        assertThat(acknowledged.getChannel()).isEqualTo(PRODUCT);
        assertThat(textOnly.isOk()).isTrue();
        assertThat(sink.workspace().messages(PRODUCT)).singleElement().satisfies(current -> {
            assertThat(current.ts()).isEqualTo(ts);
            assertThat(current.text()).isEqualTo("Resolved");
            assertThat(current.blocks()).hasSize(1);
            assertThat(current.blocks().get(0).path("text").path("text").asText()).isEqualTo("Acknowledged by pat, 2h 55m left");
        });
        assertThat(sink.workspace().history(PRODUCT, ts)).extracting(Message::text)
                .containsExactly("Critical issue", "Acknowledged by pat", "Resolved");
    }

    @Test
    void updatingAnUnknownMessageIsMessageNotFound() throws Exception {
        String ts = post(PRODUCT, "Critical issue").getTs();

        ChatUpdateResponse unknownTs = methods.chatUpdate(r -> r.channel(PRODUCT).ts("1700000000.000100").text("x"));
        ChatUpdateResponse otherChannel = methods.chatUpdate(r -> r.channel("C0OTHER").ts(ts).text("x"));

        assertThat(unknownTs.isOk()).isFalse();
        assertThat(unknownTs.getError()).isEqualTo("message_not_found");
        assertThat(otherChannel.getError()).isEqualTo("message_not_found");
        assertThat(sink.workspace().history(PRODUCT, ts)).hasSize(1);
    }

    @Test
    void getPermalinkLinksAKnownMessage() throws Exception {
        String ts = post(PRODUCT, "Critical issue").getTs();
        Message said = sink.workspace().say("C0CS", PRODUCT_OWNER, "Withdrawals are failing for everyone");

        ChatGetPermalinkResponse link = methods.chatGetPermalink(r -> r.channel(PRODUCT).messageTs(ts));
        ChatGetPermalinkResponse toSaid = methods.chatGetPermalink(r -> r.channel("C0CS").messageTs(said.ts()));
        ChatGetPermalinkResponse unknown = methods.chatGetPermalink(r -> r.channel(PRODUCT).messageTs("1700000000.000100"));

        assertThat(link.isOk()).isTrue();
        assertThat(link.getPermalink()).isEqualTo("https://" + SlackWorkspace.TEAM_DOMAIN + ".slack.com/archives/"
                + PRODUCT + "/p" + ts.replace(".", ""));
        assertThat(toSaid.getPermalink()).endsWith("/archives/C0CS/p" + said.ts().replace(".", ""));
        assertThat(unknown.getError()).isEqualTo("message_not_found");
    }

    @Test
    void lookupByEmailFindsAPersonOfTheDirectory() throws Exception {
        UsersLookupByEmailResponse found = methods.usersLookupByEmail(r -> r.email("Pat@remote.work"));
        UsersLookupByEmailResponse missing = methods.usersLookupByEmail(r -> r.email("nobody@remote.work"));

        assertThat(found.isOk()).isTrue();
        assertThat(found.getUser().getId()).isEqualTo(PRODUCT_OWNER.id());
        assertThat(found.getUser().getName()).isEqualTo("pat");
        assertThat(found.getUser().getProfile().getEmail()).isEqualTo("pat@remote.work");
        assertThat(missing.isOk()).isFalse();
        assertThat(missing.getError()).isEqualTo("users_not_found");
    }

    @Test
    void usersInfoAnswersAPersonByIdAndUserNotFoundOtherwise() throws Exception {
        sink.workspace().addUser(new User("U0CS", "cam", "cam@remote.work"));

        UsersInfoResponse found = methods.usersInfo(r -> r.user("U0CS"));
        UsersInfoResponse missing = methods.usersInfo(r -> r.user("U0NOBODY"));

        assertThat(found.getUser().getProfile().getEmail()).isEqualTo("cam@remote.work");
        assertThat(found.getUser().getTeamId()).isEqualTo(SlackWorkspace.TEAM_ID);
        assertThat(missing.getError()).isEqualTo("user_not_found");
        assertThat(sink.workspace().users()).extracting(User::id).contains("U0CS", PRODUCT_OWNER.id());
    }

    @Test
    void viewsOpenRecordsTheModalForAnIssuedTriggerIdOnce() throws Exception {
        String triggerId = sink.workspace().issueTriggerId();

        ViewsOpenResponse opened = methods.viewsOpen(r -> r.triggerId(triggerId).view(reportModal()));
        ViewsOpenResponse again = methods.viewsOpen(r -> r.triggerId(triggerId).view(reportModal()));
        ViewsOpenResponse forged = methods.viewsOpen(r -> r.triggerId("12345.98765.abcd").view(reportModal()));
        ViewsOpenResponse without = methods.viewsOpen(r -> r.view(reportModal()));

        assertThat(opened.isOk()).isTrue();
        assertThat(opened.getView().getId()).startsWith("V");
        assertThat(opened.getView().getCallbackId()).isEqualTo("report");
        assertThat(sink.workspace().views()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(opened.getView().getId());
            assertThat(view.triggerId()).isEqualTo(triggerId);
            assertThat(view.callbackId()).isEqualTo("report");
            assertThat(view.privateMetadata()).isEqualTo("{\"channel\":\"C0CS\"}");
            assertThat(view.view().path("title").path("text").asText()).isEqualTo("Report a problem");
        });
        assertThat(again.getError()).isEqualTo("expired_trigger_id");
        assertThat(forged.getError()).isEqualTo("invalid_trigger_id");
        assertThat(without.getError()).isEqualTo("invalid_arguments");
    }

    @Test
    void aTriggerIdExpiresAfterItsLifetime() throws Exception {
        sink.workspace().triggerIdLifetime(Duration.ZERO);
        String triggerId = sink.workspace().issueTriggerId();
        sink.workspace().issueTriggerId();

        ViewsOpenResponse late = methods.viewsOpen(r -> r.triggerId(triggerId).view(reportModal()));

        assertThat(late.getError()).isEqualTo("expired_trigger_id");
        assertThat(sink.workspace().views()).isEmpty();
    }

    @Test
    void anUnknownTokenIsInvalidAuthAndNoTokenIsNotAuthed() throws Exception {
        ChatPostMessageResponse unknown = slack.methods("xoxb-somebody-else").chatPostMessage(r -> r.channel(PRODUCT).text("x"));
        HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sink.apiUrl() + "chat.postMessage"))
                .header("Content-Type", SlackRequests.CONTENT_TYPE)
                .POST(BodyPublishers.ofString("channel=" + PRODUCT + "&text=x"))
                .build(), BodyHandlers.ofString());
        sink.workspace().acceptToken("xoxb-second-workspace-bot");
        ChatPostMessageResponse accepted = slack.methods("xoxb-second-workspace-bot").chatPostMessage(r -> r.channel(PRODUCT).text("x"));

        assertThat(unknown.isOk()).isFalse();
        assertThat(unknown.getError()).isEqualTo("invalid_auth");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(HttpEndpoint.JSON.readTree(none.body()).path("error").asText()).isEqualTo("not_authed");
        assertThat(accepted.isOk()).isTrue();
        assertThat(sink.workspace().messages(PRODUCT)).hasSize(1);
    }

    @Test
    void authTestNamesTheBotAndTheTeam() throws Exception {
        AuthTestResponse auth = methods.authTest(r -> r);
        AuthTestResponse unknown = slack.methods("xoxb-somebody-else").authTest(r -> r);

        assertThat(auth.isOk()).isTrue();
        assertThat(auth.getTeamId()).isEqualTo(SlackWorkspace.TEAM_ID);
        assertThat(auth.getUserId()).isEqualTo(SlackWorkspace.BOT_USER_ID);
        assertThat(auth.getBotId()).isEqualTo(SlackWorkspace.BOT_ID);
        assertThat(unknown.getError()).isEqualTo("invalid_auth");
    }

    @Test
    void refusesAPostWithoutTextOrWithBlocksSlackRefuses() throws Exception {
        ChatPostMessageResponse empty = methods.chatPostMessage(r -> r.channel(PRODUCT));
        ChatPostMessageResponse overLimit = methods.chatPostMessage(r -> r.channel(PRODUCT).text("x")
                .blocks(asBlocks(section(s -> s.text(markdownText("s".repeat(3_001)))))));
        ChatPostMessageResponse noChannel = methods.chatPostMessage(r -> r.text("x"));

        assertThat(empty.getError()).isEqualTo("no_text");
        assertThat(overLimit.getError()).isEqualTo("invalid_blocks");
        assertThat(noChannel.getError()).isEqualTo("channel_not_found");
        assertThat(sink.workspace().messages(PRODUCT)).isEmpty();
        assertThat(sink.apiCalls()).extracting(SlackSink.ApiCall::status).containsOnly(200);
        assertThat(sink.apiCalls()).extracting(SlackSink.ApiCall::error)
                .containsExactly("no_text", "invalid_blocks", "channel_not_found");
    }

    @Test
    void aRateLimitIsA429WithRetryAfterAndPostsNothing() throws Exception {
        sink.respondNext(429, Map.of("Retry-After", "2"), "rate_limited");

        SlackApiException limited = catchThrowableOfType(SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel(PRODUCT).text("first try")));
        ChatPostMessageResponse retried = methods.chatPostMessage(r -> r.channel(PRODUCT).text("second try"));

        assertThat(limited.getResponse().code()).isEqualTo(429);
        assertThat(limited.getResponse().header("Retry-After")).isEqualTo("2");
        assertThat(limited.getError().getError()).isEqualTo("ratelimited");
        assertThat(retried.isOk()).isTrue();
        assertThat(sink.workspace().messages(PRODUCT)).extracting(Message::text).containsExactly("second try");
        assertThat(sink.apiCalls()).extracting(SlackSink.ApiCall::status).containsExactly(429, 200);
        assertThat(sink.apiCalls().get(0).params()).containsEntry("text", "first try").doesNotContainKey("token");
    }

    @Test
    void injectedFaultsHitWebApiCallsToo() throws Exception {
        sink.injectFaults(0.3, 0.3, Duration.ofMillis(500), 11);

        int posted = 0;
        for (int i = 0; i < 60; i++) {
            int n = i;
            try {
                methods.chatPostMessage(r -> r.channel(PRODUCT).text("call " + n));
                posted++;
            } catch (SlackApiException fault) {
                assertThat(fault.getResponse().code()).isIn(429, 500);
                if (fault.getResponse().code() == 429) {
                    assertThat(fault.getResponse().header("Retry-After")).isEqualTo("1");
                }
            }
        }

        assertThat(posted).isBetween(10, 40);
        assertThat(sink.workspace().messages(PRODUCT)).hasSize(posted);
        assertThat(sink.apiCalls()).extracting(SlackSink.ApiCall::status).contains(200, 429, 500).hasSize(60);
    }

    @Test
    void acceptsJsonBodiesAsSlackDoesForWriteMethods() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sink.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + SlackWorkspace.BOT_TOKEN)
                .POST(BodyPublishers.ofString("{\"channel\":\"" + PRODUCT + "\",\"text\":\"json\","
                        + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"in json\"}}]}"))
                .build(), BodyHandlers.ofString());

        JsonNode answer = HttpEndpoint.JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(sink.workspace().message(PRODUCT, answer.path("ts").asText()).orElseThrow().blocks().get(0)
                .path("text").path("text").asText()).isEqualTo("in json");
    }

    @Test
    void theConsoleListsMessagesWithTheirVersions() throws Exception {
        String ts = post(PRODUCT, "Critical issue").getTs();
        methods.chatUpdate(r -> r.channel(PRODUCT).ts(ts).text("Acknowledged"));

        HttpResponse<String> listing = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/messages")).build(), BodyHandlers.ofString());

        JsonNode messages = HttpEndpoint.JSON.readTree(listing.body());
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("channel").asText()).isEqualTo(PRODUCT);
        assertThat(messages.get(0).path("ts").asText()).isEqualTo(ts);
        assertThat(messages.get(0).path("current").path("text").asText()).isEqualTo("Acknowledged");
        assertThat(messages.get(0).path("versions")).hasSize(2);
    }

    static ChatPostMessageResponse post(String channel, String text) {
        try {
            return methods.chatPostMessage(r -> r.channel(channel).text(text));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    static List<LayoutBlock> issueBlocks(String summary) {
        return asBlocks(
                section(s -> s.text(markdownText(summary))),
                actions(a -> a.blockId("ticket").elements(asElements(
                        button(b -> b.actionId("acknowledge").value("T-1").text(plainText("Acknowledge"))),
                        button(b -> b.actionId("resolve").value("T-1").text(plainText("Resolve")))))));
    }

    static View reportModal() {
        return View.builder()
                .type("modal")
                .callbackId("report")
                .privateMetadata("{\"channel\":\"C0CS\"}")
                .title(ViewTitle.builder().type("plain_text").text("Report a problem").build())
                .blocks(asBlocks(section(s -> s.text(markdownText("What happened?")))))
                .build();
    }
}

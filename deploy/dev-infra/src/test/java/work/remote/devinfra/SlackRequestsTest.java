package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.byLessThan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.sun.net.httpserver.HttpServer;

import work.remote.devinfra.SlackRequests.SignedRequest;
import work.remote.devinfra.SlackRequests.SlackRequest;
import work.remote.devinfra.SlackRequests.ViewState;
import work.remote.devinfra.SlackWorkspace.Channel;
import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SlackWorkspace.OpenedView;
import work.remote.devinfra.SlackWorkspace.User;

/** The requests Slack sends to an app, checked with the verifier of Slack's SDK that the services use. */
class SlackRequestsTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final User CS_AGENT = new User("U0CSAGENT", "cam", "cam@remote.work");
    static final Channel CS = new Channel("C0CS", "cs-launch-instant-withdrawals");
    static final Channel PRODUCT = new Channel("C0PRODUCT", "product");
    static final SlackSignature.Verifier VERIFIER = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));

    static SlackSink sink;
    static Slack slack;
    static MethodsClient methods;
    static SlackRequests requests;

    @BeforeAll
    static void startSink() {
        sink = SlackSink.start(0);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sink.apiUrl());
        slack = Slack.getInstance(config);
        methods = slack.methods(SlackWorkspace.BOT_TOKEN);
        requests = sink.requests(SECRET);
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
    void aSlashCommandIsTheFormSlackSendsSignedSoTheSdkVerifierAcceptsIt() {
        SlackRequest command = requests.slashCommand("/report", "withdrawals fail", CS_AGENT, CS);

        SignedRequest signed = command.signed();

        assertThat(VERIFIER.isValid(signed.timestamp(), signed.body(), signed.signature())).isTrue();
        assertThat(signed.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded")
                .containsEntry(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, signed.timestamp())
                .containsEntry(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signed.signature());
        assertThat(signed.signature()).matches("v0=[0-9a-f]{64}");
        assertThat(Long.parseLong(signed.timestamp())).isCloseTo(Instant.now().getEpochSecond(), byLessThan(5L));
        Map<String, String> form = HttpEndpoint.formFields(signed.body());
        assertThat(form).containsEntry("command", "/report")
                .containsEntry("text", "withdrawals fail")
                .containsEntry("user_id", "U0CSAGENT")
                .containsEntry("user_name", "cam")
                .containsEntry("channel_id", "C0CS")
                .containsEntry("channel_name", "cs-launch-instant-withdrawals")
                .containsEntry("team_id", SlackWorkspace.TEAM_ID)
                .containsEntry("trigger_id", command.triggerId())
                .containsEntry("response_url", command.responseUrl());
    }

    @Test
    void aWrongSecretOrAnOldTimestampFailsTheSdkVerifier() {
        SlackRequest command = requests.slashCommand("/report", "", CS_AGENT, CS);

        SignedRequest forged = command.signedWith("not-the-signing-secret", Instant.now());
        SignedRequest replayed = command.signedAt(Instant.now().minus(Duration.ofMinutes(6)));
        SignedRequest genuine = command.signed();
        SignedRequest tampered = new SignedRequest(genuine.body() + "&text=more", genuine.timestamp(), genuine.signature());

        assertThat(VERIFIER.isValid(forged.timestamp(), forged.body(), forged.signature())).isFalse();
        assertThat(VERIFIER.isValid(replayed.timestamp(), replayed.body(), replayed.signature())).isFalse();
        assertThat(VERIFIER.isValid(replayed.timestamp(), replayed.body(), replayed.signature(),
                Instant.now().minus(Duration.ofMinutes(6)).toEpochMilli())).isTrue();
        assertThat(VERIFIER.isValid(genuine.timestamp(), genuine.body(), genuine.signature())).isTrue();
        assertThat(VERIFIER.isValid(tampered.timestamp(), tampered.body(), tampered.signature())).isFalse();
    }

    @Test
    void theSignatureIsSlacksOwn() {
        SlackSignature.Generator generator = new SlackSignature.Generator(SECRET);

        assertThat(SlackRequests.signature(SECRET, "1531420618", "token=xyz&team_id=T1&text=x y"))
                .isEqualTo(generator.generate("1531420618", "token=xyz&team_id=T1&text=x y"));
    }

    @Test
    void theTriggerIdOfACommandOpensTheModalAndItsSubmissionCarriesItsCallbackMetadataAndValues() throws Exception {
        SlackRequest command = requests.slashCommand("/report", "", CS_AGENT, CS);
        ViewsOpenResponse opened = methods.viewsOpen(r -> r.triggerId(command.triggerId()).view(View.builder()
                .type("modal").callbackId("report").privateMetadata("C0CS").build()));
        OpenedView view = sink.workspace().views().get(0);

        SignedRequest submission = requests.viewSubmission(CS_AGENT, view, new ViewState()
                .text("title", "title", "Withdrawals fail")
                .option("impact", "impact", "MONEY")
                .number("users", "users", "3")).signed();

        assertThat(opened.isOk()).isTrue();
        assertThat(VERIFIER.isValid(submission.timestamp(), submission.body(), submission.signature())).isTrue();
        JsonNode payload = payloadOf(submission);
        assertThat(payload.path("type").asText()).isEqualTo("view_submission");
        assertThat(payload.path("user").path("id").asText()).isEqualTo("U0CSAGENT");
        assertThat(payload.path("view").path("id").asText()).isEqualTo(opened.getView().getId());
        assertThat(payload.path("view").path("callback_id").asText()).isEqualTo("report");
        assertThat(payload.path("view").path("private_metadata").asText()).isEqualTo("C0CS");
        JsonNode values = payload.path("view").path("state").path("values");
        assertThat(values.path("title").path("title").path("value").asText()).isEqualTo("Withdrawals fail");
        assertThat(values.path("impact").path("impact").path("type").asText()).isEqualTo("static_select");
        assertThat(values.path("impact").path("impact").path("selected_option").path("value").asText()).isEqualTo("MONEY");
        assertThat(values.path("users").path("users").path("value").asText()).isEqualTo("3");
    }

    @Test
    void aViewSubmissionCanNameItsCallbackAndMetadata() {
        JsonNode payload = payloadOf(requests.viewSubmission(CS_AGENT, "report", "{\"parent\":\"T-1\"}",
                new ViewState().text("b", "a", "v")).signed());

        assertThat(payload.path("view").path("callback_id").asText()).isEqualTo("report");
        assertThat(payload.path("view").path("private_metadata").asText()).isEqualTo("{\"parent\":\"T-1\"}");
        assertThat(payload.path("view").path("id").asText()).startsWith("V");
    }

    @Test
    void aButtonPressIsABlockActionsPayloadOnTheMessage() throws Exception {
        String ts = methods.chatPostMessage(r -> r.channel(PRODUCT.id()).text("Critical issue")
                .blocks(SlackWebApiTest.issueBlocks("Withdrawals fail"))).getTs();
        Message message = sink.workspace().message(PRODUCT.id(), ts).orElseThrow();

        SlackRequest press = requests.blockActions(CS_AGENT, PRODUCT, message, "acknowledge", "T-1");
        SignedRequest signed = press.signed();

        assertThat(VERIFIER.isValid(signed.timestamp(), signed.body(), signed.signature())).isTrue();
        JsonNode payload = payloadOf(signed);
        assertThat(payload.path("type").asText()).isEqualTo("block_actions");
        assertThat(payload.path("user").path("id").asText()).isEqualTo("U0CSAGENT");
        assertThat(payload.path("channel").path("id").asText()).isEqualTo(PRODUCT.id());
        assertThat(payload.path("container").path("message_ts").asText()).isEqualTo(ts);
        assertThat(payload.path("message").path("ts").asText()).isEqualTo(ts);
        assertThat(payload.path("message").path("blocks")).hasSize(2);
        assertThat(payload.path("actions").get(0).path("action_id").asText()).isEqualTo("acknowledge");
        assertThat(payload.path("actions").get(0).path("block_id").asText()).isEqualTo("ticket");
        assertThat(payload.path("actions").get(0).path("value").asText()).isEqualTo("T-1");
        assertThat(payload.path("trigger_id").asText()).isEqualTo(press.triggerId());
        assertThat(payload.path("response_url").asText()).isEqualTo(press.responseUrl());
    }

    @Test
    void aButtonPressMustBeInTheMessagesChannel() throws Exception {
        Message said = sink.workspace().say(CS.id(), CS_AGENT, "hi");

        assertThatThrownBy(() -> requests.blockActions(CS_AGENT, PRODUCT, said, "acknowledge", "T-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageShortcutCarriesTheMessageAndItsPermalinkResolves() throws Exception {
        Message said = sink.workspace().say(CS.id(), CS_AGENT, "Withdrawals are failing for everyone");

        SlackRequest shortcut = requests.messageShortcut("report_message", CS_AGENT, CS, said);
        JsonNode payload = payloadOf(shortcut.signed());

        assertThat(payload.path("type").asText()).isEqualTo("message_action");
        assertThat(payload.path("callback_id").asText()).isEqualTo("report_message");
        assertThat(payload.path("message_ts").asText()).isEqualTo(said.ts());
        assertThat(payload.path("message").path("text").asText()).isEqualTo("Withdrawals are failing for everyone");
        assertThat(payload.path("message").path("user").asText()).isEqualTo("U0CSAGENT");
        assertThat(payload.path("channel").path("name").asText()).isEqualTo(CS.name());
        assertThat(payload.path("trigger_id").asText()).isEqualTo(shortcut.triggerId());
        assertThat(methods.chatGetPermalink(r -> r.channel(CS.id()).messageTs(said.ts())).getPermalink())
                .contains("/archives/C0CS/p");
    }

    @Test
    void keepsWhatAnAppPostsToAResponseUrl() throws Exception {
        SlackRequest command = requests.slashCommand("/report", "", CS_AGENT, CS);
        SlackRequest other = requests.slashCommand("/report", "", CS_AGENT, CS);

        HttpResponse<String> answered = postJson(command.responseUrl(),
                "{\"response_type\":\"ephemeral\",\"text\":\"Ask your lead to map you\"}");
        HttpResponse<String> unknown = postJson(sink.baseUrl() + "/response/never-issued", "{}");

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(sink.workspace().responses(command.responseUrl())).singleElement().satisfies(post -> {
            assertThat(post.body().path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(post.body().path("text").asText()).isEqualTo("Ask your lead to map you");
        });
        assertThat(sink.workspace().responses(other.responseUrl())).isEmpty();
    }

    @Test
    void sendToPostsTheSignedRequestAsSlackDoes() throws Exception {
        BlockingQueue<Boolean> verdicts = new LinkedBlockingQueue<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/slack/commands", exchange -> {
            String body = HttpEndpoint.body(exchange);
            verdicts.add("application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && VERIFIER.isValid(exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"), body,
                            exchange.getRequestHeaders().getFirst("X-Slack-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        try {
            HttpResponse<String> response = requests.slashCommand("/report", "ä ö & = +", CS_AGENT, CS).signed()
                    .sendTo(URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/slack/commands"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(verdicts.poll(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.stop(0);
        }
    }

    static JsonNode payloadOf(SignedRequest request) {
        try {
            return HttpEndpoint.JSON.readTree(HttpEndpoint.formFields(request.body()).get("payload"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> postJson(String url, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build(), BodyHandlers.ofString());
    }
}

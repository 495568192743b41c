package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import work.remote.devinfra.SlackRequests;
import work.remote.devinfra.SlackRequests.SignedRequest;
import work.remote.devinfra.SlackRequests.ViewState;
import work.remote.devinfra.SlackSink;
import work.remote.devinfra.SlackWorkspace;
import work.remote.devinfra.SlackWorkspace.Channel;
import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SlackWorkspace.OpenedView;
import work.remote.devinfra.SlackWorkspace.User;

/**
 * The Slack app against the Slack stand-in: signed requests sent over HTTP to the running service, the Web API calls
 * it makes (views.open, users.info, chat.getPermalink) and its replies to response URLs seen by the stand-in.
 */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class SlackAppTest {

    /** Mapped by Slack user id in %test: casey-cs (cs-agent), pat-product (product). */
    static final User CASEY = new User("U0CSAGENT", "casey.cs", "casey@remote-work.test");
    static final User PAT = new User("U0PRODUCT", "pat.product", "pat@remote-work.test");
    /** Mapped by email address in %test: olga-ops (ops), lee-lead (cs-lead). */
    static final User OLGA = new User("U0OLGAOPS", "olga.ops", "olga.ops@remote-work.test");
    static final User LEE = new User("U0LEELEAD", "lee.lead", "Lee.Lead@remote-work.test");
    static final User STRANGER = new User("U0STRANGER", "sam.stranger", "sam@elsewhere.test");
    /** The CS channel of the launches {@link Launches} plans, as Slack names it. */
    static final Channel CS_CHANNEL = new Channel("C0CSLAUNCH", "cs-launch-instant-withdrawals");
    static final Channel PRODUCT_CHANNEL = new Channel("C0PRODUCT", "product");

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/slack/commands")
    URI commands;

    @TestHTTPResource("/slack/interactions")
    URI interactions;

    static SlackSink slack() {
        return TicketTestResource.slack();
    }

    static SlackWorkspace workspace() {
        return slack().workspace();
    }

    static SlackRequests requests() {
        return TicketTestResource.slackRequests();
    }

    @BeforeAll
    static void people() {
        List.of(CASEY, PAT, OLGA, LEE, STRANGER).forEach(user -> workspace().addUser(user));
    }

    @BeforeEach
    void freshStandIn() {
        slack().clear();
    }

    @Test
    void aReportFromSlackFilesACriticalTicketAsThatPerson() throws Exception {
        String launchId = Launches.live("Slack reports");
        String parentId = given().auth().oauth2(TicketResourceTest.token("product")).get("/launches/" + launchId)
                .then().statusCode(200).extract().path("parentTicketId");

        var command = requests().slashCommand("/report", "Withdrawals fail for one user", CASEY, CS_CHANNEL);
        Instant sent = Instant.now();
        HttpResponse<String> answer = command.signed().sendTo(commands);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(3));

        OpenedView modal = awaitModal(command.triggerId());
        assertThat(modal.callbackId()).isEqualTo("report_ticket");
        assertThat(initialValue(modal, "title")).isEqualTo("Withdrawals fail for one user");
        assertThat(initialValue(modal, "parentId")).isEqualTo(parentId);

        HttpResponse<String> submitted = requests().viewSubmission(CASEY, modal, new ViewState()
                .text("title", "title", "Withdrawals fail for one user")
                .option("type", "type", "BUG")
                .option("impact", "impact", "WITHDRAWAL_BLOCKED")
                .number("affectedUsers", "affectedUsers", "1")
                .text("description", "description", "Error W-17 on the withdrawal screen")
                .text("parentId", "parentId", parentId)).signed().sendTo(interactions);

        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode modalAnswer = JSON.readTree(submitted.body());
        assertThat(modalAnswer.path("response_action").asText()).isEqualTo("update");
        assertThat(modalAnswer.toString()).contains("CRITICAL");
        JsonPath ticket = children(parentId).stream()
                .filter(child -> child.getString("title").equals("Withdrawals fail for one user")).findFirst()
                .orElseThrow();
        assertThat(ticket.getString("severity")).isEqualTo("CRITICAL");
        assertThat(ticket.getString("reporter")).isEqualTo("casey-cs");
        assertThat(ticket.getString("reporterName")).isEqualTo("casey.cs");
        assertThat(ticket.getString("launchId")).isEqualTo(launchId);
        assertThat(ticket.getInt("affectedUsers")).isEqualTo(1);
        assertThat(Duration.between(Instant.parse(ticket.getString("reportedAt")),
                Instant.parse(ticket.getString("resolveBy")))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aModalWithInvalidFieldsIsAnsweredWithTheApisMessagesUnderEachBlock() throws Exception {
        var command = requests().slashCommand("/report", "", CASEY, CS_CHANNEL);
        command.signed().sendTo(commands);
        OpenedView modal = awaitModal(command.triggerId());
        int before = ticketCount();

        HttpResponse<String> submitted = requests().viewSubmission(CASEY, modal, new ViewState()
                .text("title", "title", " ")
                .option("type", "type", "BUG")
                .number("affectedUsers", "affectedUsers", "many")
                .text("parentId", "parentId", "not-a-ticket")).signed().sendTo(interactions);

        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode errors = JSON.readTree(submitted.body());
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path("title").asText()).isEqualTo("must not be blank");
        assertThat(errors.path("errors").path("impact").asText()).isEqualTo("must not be null");
        assertThat(errors.path("errors").path("affectedUsers").asText()).isEqualTo("is a whole number");
        assertThat(errors.path("errors").path("parentId").asText()).isEqualTo("is a ticket id (a UUID)");
        assertThat(ticketCount()).isEqualTo(before);
        // the API gives the same messages for the same fields
        TicketResourceTest.report("cs-agent", """
                {"title": " ", "type": "BUG", "affectedUsers": 1}""").statusCode(400)
                .body("violations.find { it.field == 'title' }.message", org.hamcrest.Matchers.equalTo("must not be blank"))
                .body("violations.find { it.field == 'impact' }.message", org.hamcrest.Matchers.equalTo("must not be null"));
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        var command = requests().slashCommand("/report", "Forged", CASEY, CS_CHANNEL);

        HttpResponse<String> forged = command.signedWith("not-the-signing-secret", Instant.now()).sendTo(commands);
        assertRefused(forged);
        SignedRequest genuine = command.signed();
        assertRefused(new SignedRequest(genuine.body().replace("Forged", "Tampered"), genuine.timestamp(),
                genuine.signature()).sendTo(commands));
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(interactions)
                .header("Content-Type", SlackRequests.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(command.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(unsigned);

        assertNothingProcessed(command);
    }

    @Test
    void aReplayedTimestampIsRefused() throws Exception {
        var command = requests().slashCommand("/report", "Replayed", CASEY, CS_CHANNEL);

        assertRefused(command.signedAt(Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(5)).sendTo(commands));
        assertRefused(command.signedAt(Instant.now().plus(Duration.ofMinutes(6))).sendTo(commands));

        assertNothingProcessed(command);
    }

    @Test
    void anUnmappedUserIsToldHowToGetAccessAndNothingIsWritten() throws Exception {
        int before = ticketCount();
        var command = requests().slashCommand("/report", "Let me in", STRANGER, CS_CHANNEL);
        assertThat(command.signed().sendTo(commands).statusCode()).isEqualTo(200);

        JsonNode reply = awaitReply(command.responseUrl());
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asText()).contains("U0STRANGER").contains("ticket.slack.people")
                .contains("Ask an admin");
        assertThat(workspace().views()).isEmpty();

        HttpResponse<String> submitted = requests().viewSubmission(STRANGER, "report_ticket", "{}", new ViewState()
                .text("title", "title", "Sneaked in")
                .option("type", "type", "BUG")
                .option("impact", "impact", "TRADING_BLOCKED")
                .number("affectedUsers", "affectedUsers", "1")).signed().sendTo(interactions);
        assertThat(submitted.body()).contains("U0STRANGER").contains("ticket.slack.people");
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aSlackUserIsFoundByTheirEmailAddress() throws Exception {
        var command = requests().slashCommand("/report", "Found by email", LEE, CS_CHANNEL);
        command.signed().sendTo(commands);

        awaitModal(command.triggerId());
        assertThat(slack().apiCalls()).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("users.info");
            assertThat(call.params()).containsEntry("user", LEE.id());
        });
    }

    @Test
    void acknowledgeFromSlackMovesTheTicketAsThatPerson() throws Exception {
        String id = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");
        Message critical = workspace().say(PRODUCT_CHANNEL.id(), CASEY, "Critical: withdrawals blocked");

        var press = requests().blockActions(PAT, PRODUCT_CHANNEL, critical, "ticket.acknowledge", id);
        assertThat(press.signed().sendTo(interactions).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> ticket(id).getString("state").equals("IN_PROGRESS"));
        JsonPath acknowledged = ticket(id);
        assertThat(acknowledged.getString("assignee")).isEqualTo("pat-product");
        assertThat(acknowledged.getString("acknowledgedBy")).isEqualTo("pat-product");
        assertThat(acknowledged.getString("acknowledgedByName")).isEqualTo("pat.product");

        var someoneElse = requests().blockActions(CASEY, PRODUCT_CHANNEL, critical, "ticket.acknowledge", id);
        someoneElse.signed().sendTo(interactions);
        assertThat(awaitReply(someoneElse.responseUrl()).path("text").asText())
                .contains("acknowledged by pat.product (pat-product)");

        var notAllowed = requests().blockActions(OLGA, PRODUCT_CHANNEL, critical, "ticket.resolve", id);
        notAllowed.signed().sendTo(interactions);
        assertThat(awaitReply(notAllowed.responseUrl()).path("text").asText()).startsWith("You may not")
                .contains("[ops]");
        assertThat(ticket(id).getString("state")).isEqualTo("IN_PROGRESS");

        requests().blockActions(PAT, PRODUCT_CHANNEL, critical, "ticket.resolve", id).signed().sendTo(interactions);
        await().atMost(Duration.ofSeconds(10)).until(() -> ticket(id).getString("state").equals("RESOLVED"));
        List<String> details = given().auth().oauth2(TicketResourceTest.token("ops"))
                .get("/tickets/" + id + "/timeline").then().extract().path("items.detail");
        assertThat(details).contains("IN_PROGRESS → RESOLVED: resolved from Slack");
    }

    @Test
    void theMessageShortcutLinksTheMessage() throws Exception {
        Message report = workspace().say(CS_CHANNEL.id(), CASEY, "User 42 cannot trade since 10:02\nError T-3 on buy");
        var shortcut = requests().messageShortcut("report_message", CASEY, CS_CHANNEL, report);
        assertThat(shortcut.signed().sendTo(interactions).statusCode()).isEqualTo(200);

        OpenedView modal = awaitModal(shortcut.triggerId());
        assertThat(initialValue(modal, "title")).isEqualTo("User 42 cannot trade since 10:02");
        assertThat(initialValue(modal, "description")).isEqualTo(report.text());

        HttpResponse<String> submitted = requests().viewSubmission(CASEY, modal, new ViewState()
                .text("title", "title", "User 42 cannot trade")
                .option("type", "type", "BUG")
                .option("impact", "impact", "TRADING_BLOCKED")
                .number("affectedUsers", "affectedUsers", "1")
                .text("description", "description", report.text())).signed().sendTo(interactions);
        assertThat(JSON.readTree(submitted.body()).path("response_action").asText()).isEqualTo("update");

        String permalink = "https://" + SlackWorkspace.TEAM_DOMAIN + ".slack.com/archives/" + CS_CHANNEL.id() + "/p"
                + report.ts().replace(".", "");
        List<Map<String, Object>> tickets = given().auth().oauth2(TicketResourceTest.token("ops"))
                .queryParam("severity", "CRITICAL").queryParam("size", 200).get("/tickets").then().statusCode(200)
                .extract().path("items");
        assertThat(tickets).filteredOn(ticket -> ((List<?>) ticket.get("links")).contains(permalink))
                .singleElement()
                .satisfies(ticket -> assertThat(ticket.get("reporter")).isEqualTo("casey-cs"));
    }

    @Test
    void aRateLimitedModalOpensOnceSlacksRetryAfterHasPassedWithinTheTriggersLifetime() throws Exception {
        slack().respondNext(429, Map.of("Retry-After", "1"), "");
        var command = requests().slashCommand("/report", "Rate limited", PAT, CS_CHANNEL);
        command.signed().sendTo(commands);

        awaitModal(command.triggerId());
        assertThat(slack().apiCalls()).filteredOn(call -> command.triggerId().equals(call.params().get("trigger_id")))
                .extracting(SlackSink.ApiCall::method, SlackSink.ApiCall::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("views.open", 429),
                        org.assertj.core.groups.Tuple.tuple("views.open", 200));
    }

    @Test
    void aRateLimitLongerThanTheTriggersLifetimeIsToldToTheUser() throws Exception {
        slack().respondNext(429, Map.of("Retry-After", "30"), "");
        var command = requests().slashCommand("/report", "Rate limited long", PAT, CS_CHANNEL);
        command.signed().sendTo(commands);

        assertThat(awaitReply(command.responseUrl()).path("text").asText()).contains("wait 30 s");
        assertThat(workspace().views()).isEmpty();
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("bad-slack-signature").doesNotContain(TicketTestResource.SLACK_SIGNING_SECRET);
    }

    /** Nothing reached Slack on the request's behalf: no modal, no reply, no Web API call. */
    private static void assertNothingProcessed(SlackRequests.SlackRequest request) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> slack().apiCalls().isEmpty()
                && workspace().views().isEmpty() && workspace().responses(request.responseUrl()).isEmpty());
    }

    private static OpenedView awaitModal(String triggerId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> workspace().views().stream()
                .filter(view -> view.triggerId().equals(triggerId)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static JsonNode awaitReply(String responseUrl) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> workspace().responses(responseUrl), posts -> !posts.isEmpty())
                .get(0).body();
    }

    private static String initialValue(OpenedView modal, String blockId) {
        for (JsonNode block : modal.view().path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block.path("element").path("initial_value").asText(null);
            }
        }
        throw new AssertionError("no block " + blockId + " in " + modal.view());
    }

    private static JsonPath ticket(String id) {
        return given().auth().oauth2(TicketResourceTest.token("ops")).get("/tickets/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<JsonPath> children(String parentId) {
        List<Map<String, Object>> items = given().auth().oauth2(TicketResourceTest.token("ops"))
                .queryParam("parentId", parentId).get("/tickets").then().statusCode(200).extract().path("items");
        return items.stream().map(item -> JsonPath.from(toJson(item))).toList();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int ticketCount() {
        return given().auth().oauth2(TicketResourceTest.token("ops")).queryParam("size", 1).get("/tickets").then()
                .statusCode(200).extract().path("total");
    }
}

package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static work.remote.ticket.Launches.AGENTS;
import static work.remote.ticket.Launches.LEAD;
import static work.remote.ticket.Launches.PRODUCT;
import static work.remote.ticket.Launches.as;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.EventJson;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchStarted;

/** A launch from start to close: the parent feedback ticket, child tickets, broadcasts, rule changes, summary. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class LaunchLifecycleTest {

    static RecordingConsumer topic;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(), "remote-work.ticket.events");
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    @Test
    void startingOpensTheParentFeedbackTicketAndAnnouncesItsLink() {
        String id = Launches.preparedExcept("Instant deposits", null);
        String parentId = Launches.start(id).statusCode(200)
                .body("state", equalTo("LIVE"))
                .body("parentTicketLink", notNullValue())
                .extract().path("parentTicketId");

        as(AGENTS.get(0), "cs-agent").get("/tickets/" + parentId).then().statusCode(200)
                .body("launchId", equalTo(id))
                .body("title", equalTo("Feedback on the launch of Instant deposits"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(id, "LaunchStarted").size() == 1);
        LaunchStarted started = data(ofType(id, "LaunchStarted").get(0), LaunchStarted.class);
        assertThat(started.parentTicketId()).isEqualTo(UUID.fromString(parentId));
        assertThat(started.parentTicketLink()).endsWith("/tickets/" + parentId);
        assertThat(started.csChannel()).isEqualTo("#cs-launch-instant-withdrawals");
        assertThat(started.overriddenGates()).isEmpty();
    }

    @Test
    void startingCreatesExactlyOneParentTicketEvenWhenStartedTwiceAtOnce() throws Exception {
        String id = Launches.preparedExcept("Started twice", null);
        Callable<Integer> start = () -> Launches.start(id).extract().statusCode();
        ExecutorService twoProductPeople = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = twoProductPeople.invokeAll(List.of(start, start));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            twoProductPeople.shutdown();
        }
        Launches.start(id).statusCode(409).body("type", equalTo("https://remote.work/problems/launch-already-started"));

        as(PRODUCT, "product").get("/tickets?launchId=" + id).then().statusCode(200).body("total", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(id, "LaunchStarted").size() == 1);
    }

    @Test
    void childTicketsHangUnderTheParentAndBelongToItsLaunch() {
        String id = Launches.live("Child tickets");
        String parentId = as(PRODUCT, "product").get("/launches/" + id).then().extract().path("parentTicketId");

        String childId = as(AGENTS.get(0), "cs-agent").body("""
                {"title": "Withdrawal stuck for user 42", "type": "BUG", "impact": "WITHDRAWAL_BLOCKED",
                 "affectedUsers": 1, "parentId": "%s", "links": ["https://chat.remote.work/cs/msg/981"]}
                """.formatted(parentId)).post("/tickets").then().statusCode(201)
                .body("severity", equalTo("CRITICAL"))
                .body("launchId", equalTo(id))
                .body("parentId", equalTo(parentId))
                .body("links", contains("https://chat.remote.work/cs/msg/981"))
                .extract().path("id");
        as(LEAD, "cs-lead").get("/tickets?parentId=" + parentId).then().body("items.id", contains(childId));

        as(AGENTS.get(0), "cs-agent").body("""
                {"title": "Orphan", "type": "QUESTION", "impact": "NONE", "affectedUsers": 0, "parentId": "%s"}
                """.formatted(UUID.randomUUID())).post("/tickets").then().statusCode(400)
                .body("violations[0].field", equalTo("parentId"));
    }

    @Test
    void statusIsPostedOnlyWhileLiveAndReachesTheCsChannel() {
        String ready = Launches.preparedExcept("Not live yet", null);
        postStatus(ready).statusCode(409);

        String id = Launches.live("Status posts");
        postStatus(id).statusCode(201).body("phase", equalTo("DEPLOYING"));
        as(AGENTS.get(1), "cs-agent").get("/launches/" + id + "/status-posts").then()
                .body("items[0].expectedSymptoms", contains("HTTP 500s possible", "withdrawals unavailable for 10 minutes"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(id, "LaunchStatusPosted").size() == 1);
        assertThat(new String(ofType(id, "LaunchStatusPosted").get(0).value())).contains("#cs-launch-instant-withdrawals");
    }

    @Test
    void aRuleChangeMustBringANewerDocumentVersion() {
        String id = Launches.live("Rule changes");
        changeRules(id, 2).statusCode(201).body("documentVersion", equalTo(2));
        changeRules(id, 2).statusCode(409).body("type", equalTo("https://remote.work/problems/stale-rules-version"));
        as(LEAD, "cs-lead").get("/launches/" + id).then().body("rulesDocumentVersion", equalTo(2))
                .body("rulesDocumentLink", equalTo("https://docs.remote.work/rules/instant-withdrawals/v2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(id, "RuleChanged").size() == 1);
    }

    @Test
    void closingSummarisesTheFeedbackAndAnnouncesLaunchClosed() {
        String id = Launches.live("Close and summarise");
        String parentId = as(PRODUCT, "product").get("/launches/" + id).then().extract().path("parentTicketId");
        child(parentId, "BUG", "WITHDRAWAL_BLOCKED");
        child(parentId, "QUESTION", "NONE");
        String resolved = child(parentId, "BUG", "TRADING_BLOCKED");
        for (String state : List.of("TRIAGED", "IN_PROGRESS", "RESOLVED")) {
            as(PRODUCT, "product").body("{\"to\": \"" + state + "\"}").post("/tickets/" + resolved + "/transitions")
                    .then().statusCode(200);
        }

        as(LEAD, "cs-lead").get("/launches/" + id + "/feedback").then().statusCode(200)
                .body("tickets", equalTo(3))
                .body("byType.BUG", equalTo(2))
                .body("byType.QUESTION", equalTo(1))
                .body("bySeverity.CRITICAL", equalTo(2))
                .body("byState.RESOLVED", equalTo(1))
                .body("openCritical", hasSize(1))
                .body("sla.met", equalTo(1))
                .body("sla.pending", equalTo(1));
        as(LEAD, "cs-lead").post("/launches/" + id + "/close").then().statusCode(403);
        as(PRODUCT, "product").post("/launches/" + id + "/close").then().statusCode(200).body("state", equalTo("CLOSED"));
        as(PRODUCT, "product").post("/launches/" + id + "/close").then().statusCode(409);
        changeRules(id, 3).statusCode(409).body("type", equalTo("https://remote.work/problems/launch-closed"));
        Launches.saveKit(id, Launches.FULL_KIT).statusCode(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> ofType(id, "LaunchClosed").size() == 1);
        LaunchClosed closed = data(ofType(id, "LaunchClosed").get(0), LaunchClosed.class);
        assertThat(closed.ticketCount()).isEqualTo(3);
        assertThat(closed.criticalCount()).isEqualTo(2);
        assertThat(closed.openCriticalCount()).isEqualTo(1);
        assertThat(closed.csAgents()).containsExactlyElementsOf(AGENTS);
    }

    @Test
    void everyLaunchEventIsOnTheBrokerKeyedByTheLaunchInOrder() {
        String id = Launches.live("Events in order");
        postStatus(id).statusCode(201);
        changeRules(id, 2).statusCode(201);
        as(PRODUCT, "product").post("/launches/" + id + "/close").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> types(id).contains("LaunchClosed"));
        assertThat(types(id)).containsExactly("LaunchPlanned", "LaunchGatePassed", "LaunchGatePassed",
                "LaunchGatePassed", "LaunchGatePassed", "TicketOpened", "LaunchStarted", "LaunchStatusPosted", "RuleChanged",
                "LaunchClosed");
        assertThat(topic.withKey(id)).filteredOn(record -> !header(record, "ce_type").endsWith("TicketOpened"))
                .allSatisfy(record -> assertThat(header(record, "ce_subject")).isEqualTo(id));
    }

    @Test
    void commentsAndAssigneeChangesAreInTheTimeline() {
        String ticket = TicketWorkflowTest.openTicket("DEGRADED");
        as(AGENTS.get(0), "cs-agent").body("{\"body\": \"User 42 sees it on Android only\"}")
                .post("/tickets/" + ticket + "/comments").then().statusCode(201).body("author", equalTo("ali"));
        as(AGENTS.get(0), "cs-agent").body("{\"assignee\": \"ali\"}").put("/tickets/" + ticket + "/assignee").then()
                .statusCode(403);
        as(LEAD, "cs-lead").body("{\"assignee\": \"dev-dana\"}").put("/tickets/" + ticket + "/assignee").then()
                .statusCode(200).body("assignee", equalTo("dev-dana"));
        as(LEAD, "cs-lead").body("{\"body\": \"\"}").post("/tickets/" + ticket + "/comments").then().statusCode(400)
                .body("violations[0].field", equalTo("body"));

        as("ops-person", "ops").get("/tickets/" + ticket + "/comments").then().body("items.body",
                contains("User 42 sees it on Android only"));
        as("ops-person", "ops").get("/tickets/" + ticket + "/timeline").then()
                .body("items.action", contains("REPORTED", "COMMENTED", "ASSIGNED"))
                .body("items[2].detail", equalTo("nobody → dev-dana"));
    }

    private static io.restassured.response.ValidatableResponse postStatus(String id) {
        return as(PRODUCT, "product").body("""
                {"phase": "DEPLOYING", "message": "Deploying instant withdrawals",
                 "expectedSymptoms": ["HTTP 500s possible", "withdrawals unavailable for 10 minutes"]}
                """).post("/launches/" + id + "/status-posts").then();
    }

    private static io.restassured.response.ValidatableResponse changeRules(String id, int version) {
        return as(PRODUCT, "product").body("""
                {"summary": "Fee waived for the first withdrawal", "documentVersion": %d,
                 "rulesDocumentLink": "https://docs.remote.work/rules/instant-withdrawals/v2"}
                """.formatted(version)).post("/launches/" + id + "/rule-changes").then();
    }

    private static String child(String parentId, String type, String impact) {
        return as(AGENTS.get(1), "cs-agent").body("""
                {"title": "Feedback %s", "type": "%s", "impact": "%s", "affectedUsers": 1, "parentId": "%s"}
                """.formatted(impact, type, impact, parentId)).post("/tickets").then().statusCode(201)
                .extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> ofType(String launchId, String type) {
        return topic.withKey(launchId).stream()
                .filter(record -> header(record, "ce_type").equals("work.remote.ticket." + type)).toList();
    }

    private static List<String> types(String launchId) {
        return topic.withKey(launchId).stream()
                .map(record -> header(record, "ce_type").substring("work.remote.ticket.".length())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <T> T data(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

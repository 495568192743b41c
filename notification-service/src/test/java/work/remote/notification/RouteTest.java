package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventSamples;
import work.remote.events.EventType;
import work.remote.events.process.ProcessPublished;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.TicketType;

/** Routes pick targets by event type (exact or per context) and attributes; critical issues always reach a channel. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class RouteTest {

    static final String CRITICAL_ISSUE = "work.remote.ticket.CriticalIssueReported";

    static Map<String, Object> route(String name, String eventType, Map<String, Object> conditions,
            List<Map<String, String>> targets) {
        Map<String, Object> route = new HashMap<>(conditions);
        route.put("name", name + "-" + UUID.randomUUID());
        route.put("eventType", eventType);
        route.put("targets", targets);
        return route;
    }

    static Map<String, String> target(String kind, String value) {
        return Map.of("kind", kind, "value", value);
    }

    static String create(Map<String, Object> route) {
        return Api.as("ops").body(route).when().post("/routes").then().statusCode(201).extract().path("id");
    }

    /** The targets a dry run of {@code event} names, as "CHANNEL target". */
    static List<String> dryRunTargets(DomainEvent event) {
        JsonPath result = dryRun(event);
        List<String> channels = result.getList("messages.channel");
        List<String> targets = result.getList("messages.target");
        return IntStream.range(0, channels.size())
                .mapToObj(i -> channels.get(i) + " " + targets.get(i)).toList();
    }

    static JsonPath dryRun(DomainEvent event) {
        return Api.as("ops")
                .body(Map.of("ceType", EventType.of(event.getClass()).ceType(),
                        "data", EventJson.mapper().valueToTree(event)))
                .when().post("/routes/dry-run").then().statusCode(200).extract().jsonPath();
    }

    static TicketOpened ticket(UUID launchId, Severity severity) {
        UUID ticketId = UUID.randomUUID();
        return new TicketOpened(ticketId, launchId, null, "Card form rejects valid expiry dates", TicketType.BUG,
                severity, Impact.FEATURE_UNAVAILABLE, 3, "ahmed.khan", Instant.now(),
                "http://localhost:8083/tickets/" + ticketId);
    }

    @Test
    void routesWithWildcardsAndAttributeConditionsPickTheRightTargets() {
        UUID launch = UUID.randomUUID();
        String launchChannel = Api.uniqueChannel("launch");
        create(route("whole-launch", "work.remote.ticket.*", Map.of("launchId", launch.toString()),
                List.of(target("SLACK_CHANNEL", launchChannel))));
        create(route("high-tickets", "work.remote.ticket.TicketOpened",
                Map.of("launchId", launch.toString(), "severity", "HIGH"),
                List.of(target("EMAIL", "triage@remote.work"))));
        String processKey = "process-" + UUID.randomUUID();
        create(route("one-process", "work.remote.process.*", Map.of("processKey", processKey),
                List.of(target("EMAIL_GROUP", "product"))));

        assertThat(dryRunTargets(ticket(launch, Severity.HIGH)))
                .containsExactlyInAnyOrder("SLACK " + launchChannel, "EMAIL triage@remote.work");
        assertThat(dryRunTargets(ticket(launch, Severity.LOW))).containsExactly("SLACK " + launchChannel);
        assertThat(dryRunTargets(ticket(UUID.randomUUID(), Severity.HIGH))).isEmpty();

        ProcessPublished sample = EventSamples.processPublished();
        ProcessPublished ofTheProcess = new ProcessPublished(sample.processId(), processKey, 1, sample.title(),
                sample.owner(), sample.roles(), sample.changeSummary(), sample.publishedBy(), sample.publishedAt(),
                sample.link());
        assertThat(dryRunTargets(ofTheProcess)).containsExactly("EMAIL product-team@remote.work");
        assertThat(dryRunTargets(sample)).isEmpty();
    }

    @Test
    void theDefaultRoutesSendEachEventWhereThePlaybookSays() {
        assertThat(dryRunTargets(EventSamples.criticalIssueReported()))
                .containsExactly("SLACK #product", "EMAIL product-team@remote.work");
        assertThat(dryRunTargets(EventSamples.launchStarted())).containsExactly("SLACK #cs-launch-instant-withdrawals");
        assertThat(dryRunTargets(EventSamples.launchStatusPosted()))
                .containsExactly("SLACK #cs-launch-instant-withdrawals");
        assertThat(dryRunTargets(EventSamples.ruleChanged())).containsExactly("SLACK #cs-launch-instant-withdrawals");
        assertThat(dryRunTargets(EventSamples.relayRequested())).containsExactly("EMAIL maria.santos@remote-work.local");
        assertThat(dryRunTargets(EventSamples.actionItemOverdue())).containsExactly("EMAIL li.wei@remote-work.local");
        assertThat(dryRunTargets(EventSamples.adoptionFeedbackRequested()))
                .containsExactly("EMAIL sofia.rossi@remote-work.local");
    }

    @Test
    void aParticipantAskedForAdoptionFeedbackIsToldWhereToAnswer() {
        JsonPath asked = dryRun(EventSamples.adoptionFeedbackRequested());
        assertThat(asked.getString("messages[0].title")).isEqualTo("How is " + EventSamples.adoptionFeedbackRequested()
                .title() + " working for you?");
        assertThat(asked.getString("messages[0].emailText"))
                .contains(EventSamples.adoptionFeedbackRequested().link(), "as CS agent");
    }

    @Test
    void aDryRunShowsTheRenderedMessagesAndSendsNothing() {
        LaunchStarted sample = EventSamples.launchStarted();
        String channel = Api.uniqueChannel("dry");
        UUID launch = UUID.randomUUID();
        LaunchStarted started = new LaunchStarted(launch, "Dry-run feature " + launch, sample.parentTicketId(),
                sample.parentTicketLink(), channel, sample.rulesDocumentLink(), sample.startedBy(), sample.startedAt(),
                List.of(), null, sample.link());
        String webhook = "T0/dry/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of());

        JsonPath result = dryRun(started);

        assertThat(result.getString("messages[0].route")).isEqualTo("launch-started-to-cs-channel");
        assertThat(result.getString("messages[0].title")).isEqualTo("Launch started: " + started.feature());
        assertThat(result.getString("messages[0].slack.blocks[0].type")).isEqualTo("header");
        Api.as("cs-agent").queryParam("launchId", launch.toString()).when().get("/deliveries").then()
                .statusCode(200).body("total", equalTo(0));
        assertThat(Api.callsTo(webhook)).isEmpty();
    }

    @Test
    void aDryRunOfAnUnknownTypeOrInvalidDataNamesTheField() {
        Api.as("ops").body(Map.of("ceType", "work.remote.ticket.Nope", "data", Map.of())).when()
                .post("/routes/dry-run").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ceType"));
        Api.as("ops").body(Map.of("ceType", CRITICAL_ISSUE, "data", Map.of("title", "no ticket id"))).when()
                .post("/routes/dry-run").then().statusCode(400).body("violations[0].field", equalTo("data"));
    }

    @Test
    void aRouteThatWouldSendCriticalIssuesOnlyToPrivateAddressesIsRefused() {
        List<Map<String, String>> privateOnly = List.of(target("EMAIL", "cto@remote.work"));
        for (String eventType : List.of(CRITICAL_ISSUE, "work.remote.ticket.*")) {
            Api.as("admin").body(route("private", eventType, Map.of(), privateOnly)).when().post("/routes").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("targets"))
                    .body("violations[0].message", containsString("SLACK_CHANNEL"));
        }
        create(route("low-tickets-by-mail", "work.remote.ticket.*", Map.of("severity", "LOW"), privateOnly));
        create(route("critical-with-channel", CRITICAL_ISSUE, Map.of("launchId", UUID.randomUUID().toString()),
                List.of(target("EMAIL", "cto@remote.work"), target("SLACK_CHANNEL", "#product"))));

        String seeded = "00000000-0000-4000-8000-000000000001";
        String revision = Api.as("ops").when().get("/routes/" + seeded).then().statusCode(200).extract()
                .header("ETag");
        Api.as("ops").header("If-Match", revision).body(Map.of("name", "critical-issues-to-product",
                "eventType", CRITICAL_ISSUE, "targets", List.of(target("EMAIL_GROUP", "product"))))
                .when().put("/routes/" + seeded).then().statusCode(422);
        assertThat(dryRunTargets(EventSamples.criticalIssueReported())).contains("SLACK #product");
    }

    @Test
    void aCriticalIssueNoRouteSendsToAChannelStillReachesTheProductChannel() {
        String seeded = "00000000-0000-4000-8000-000000000001";
        ExtractableResponse<Response> read = Api.as("ops").when().get("/routes/" + seeded).then().extract();
        JsonPath route = read.jsonPath();
        Map<String, Object> disabled = Map.of("name", route.getString("name"), "eventType", CRITICAL_ISSUE,
                "enabled", false, "targets", route.getList("targets"));
        String changed = Api.as("ops").header("If-Match", read.header("ETag")).body(disabled).when()
                .put("/routes/" + seeded).then().statusCode(200).body("enabled", equalTo(false)).extract()
                .header("ETag");
        try {
            CriticalIssueReported issue = TestEvents.criticalIssue("No route at all", null);
            assertThat(dryRunTargets(issue)).containsExactly("SLACK #product");
        } finally {
            Map<String, Object> enabled = new HashMap<>(disabled);
            enabled.put("enabled", true);
            Api.as("ops").header("If-Match", changed).body(enabled).when().put("/routes/" + seeded).then()
                    .statusCode(200);
        }
    }

    @Test
    void invalidRoutesAreRefusedNamingTheField() {
        Api.as("ops").body(route("bad-type", "work.remote.ticket.Nope", Map.of(),
                List.of(target("EMAIL", "a@remote.work")))).when().post("/routes").then().statusCode(400)
                .body("violations.field", hasItem("eventType"));
        Api.as("ops").body(route("bad-address", "work.remote.ticket.TicketOpened", Map.of(),
                List.of(target("EMAIL", "not-an-address")))).when().post("/routes").then().statusCode(400)
                .body("violations.field", hasItem("targets[0].value"));
        Api.as("ops").body(route("bad-field", "work.remote.ticket.TicketOpened", Map.of(),
                List.of(target("SLACK_CHANNEL_FROM_EVENT", "csChannel")))).when().post("/routes").then()
                .statusCode(400).body("violations.field", hasItem("targets[0].value"));
        Api.as("ops").body(route("no-kind", "work.remote.ticket.TicketOpened", Map.of(),
                List.of(Map.of("value", "#product")))).when().post("/routes").then().statusCode(400)
                .body("violations.field", hasItem("targets[0].kind"));
        Api.as("ops").body(route("unknown-group", "work.remote.ticket.TicketOpened", Map.of(),
                List.of(target("EMAIL_GROUP", "nobody")))).when().post("/routes").then().statusCode(400)
                .body("violations.field", hasItem("targets[0].value"));
    }

    @Test
    void aRouteAnswersItsRevisionAsETagAndAChangeNamesItInIfMatch() {
        Map<String, Object> definition = route("revisions", "work.remote.ticket.TicketResolved", Map.of(),
                List.of(target("EMAIL", "a@remote.work")));
        String created = Api.as("ops").body(definition).when().post("/routes").then().statusCode(201)
                .header("ETag", "\"0\"").extract().path("id");
        Api.as("cs-agent").when().get("/routes/" + created).then().statusCode(200).header("ETag", "\"0\"");

        Map<String, Object> disabled = new HashMap<>(definition);
        disabled.put("enabled", false);
        Api.as("ops").header("If-Match", "\"0\"").body(disabled).when().put("/routes/" + created).then()
                .statusCode(200).header("ETag", "\"1\"").body("enabled", equalTo(false)).body("version", equalTo(1));
        Api.as("ops").header("If-Match", "\"0\"").body(definition).when().put("/routes/" + created).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("stale-revision")).body("detail", containsString("now at 1"));
        Api.as("ops").header("If-Match", "yesterday").body(definition).when().put("/routes/" + created).then()
                .statusCode(400).body("violations[0].field", equalTo("If-Match"));
        Api.as("ops").when().get("/routes/" + created).then().header("ETag", "\"1\"")
                .body("enabled", equalTo(false));
        Api.as("admin").when().delete("/routes/" + created).then().statusCode(204);
    }

    @Test
    void aStaleOrDuplicateChangeIsAConflict() {
        Map<String, Object> definition = route("conflicts", "work.remote.ticket.TicketResolved",
                Map.of("launchId", UUID.randomUUID().toString()), List.of(target("EMAIL", "a@remote.work")));
        String id = create(definition);
        Api.as("ops").body(definition).when().post("/routes").then().statusCode(409);
        Api.as("ops").header("If-Match", "\"7\"").body(definition).when().put("/routes/" + id).then()
                .statusCode(409).contentType("application/problem+json");
        Api.as("ops").body(definition).when().put("/routes/" + id).then().statusCode(428)
                .body("violations[0].field", equalTo("If-Match"));
        Api.as("admin").when().delete("/routes/" + id).then().statusCode(204);
        Api.as("admin").when().get("/routes/" + id).then().statusCode(404);
    }
}

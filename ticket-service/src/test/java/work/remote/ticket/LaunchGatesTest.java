package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static work.remote.ticket.Launches.AGENTS;
import static work.remote.ticket.Launches.LEAD;
import static work.remote.ticket.Launches.PRODUCT;
import static work.remote.ticket.Launches.as;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.ticket.Gate;

/** The four gates a launch passes before it may start, and the admin override. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class LaunchGatesTest {

    @ParameterizedTest
    @EnumSource(Gate.class)
    void eachOpenGateBlocksTheStartAndIsListedWithWhatIsMissing(Gate open) {
        String id = Launches.preparedExcept("Gate " + open, open);
        List<Gate> expectedOpen = open == Gate.FINAL_ROUND_CONFIRMED
                ? List.of(Gate.FINAL_ROUND_CONFIRMED, Gate.ONBOARDING_ATTENDED) // nobody may onboard before it
                : List.of(open);

        Launches.start(id).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/launch-gates-open"))
                .body("violations.field", equalTo(expectedOpen.stream().map(gate -> "gates." + gate).toList()))
                .body("violations[0].message", notNullValue());
        as(PRODUCT, "product").get("/launches/" + id).then().statusCode(200)
                .body("gates.findAll { !it.passed }.gate", equalTo(expectedOpen.stream().map(Gate::name).toList()))
                .body("parentTicketId", equalTo(null));
    }

    @Test
    void aPlannedLaunchListsAllFourGatesOpen() {
        String id = Launches.plan("Nothing done yet");

        Launches.start(id).statusCode(409).body("violations.field", contains("gates.FINAL_ROUND_CONFIRMED",
                "gates.ONBOARDING_ATTENDED", "gates.TRAINING_KIT_COMPLETE", "gates.TRAINING_DELIVERED"));
        as("ops-person", "ops").get("/launches/" + id).then().statusCode(200)
                .body("state", equalTo("PLANNED"))
                .body("gates.passed", everyItem(equalTo(false)))
                .body("gates[1].missing", hasItem(LEAD + " has not taken part in the final onboarding round"))
                .body("gates[2].missing", contains("no training kit yet"));
    }

    @Test
    void theStateFollowsTheGatesUntilTheLaunchIsReady() {
        String id = Launches.plan("States follow gates");
        Launches.confirmFinalRound(id).statusCode(200).body("state", equalTo("ONBOARDING"));
        Launches.takePart(id, LEAD, "cs-lead").statusCode(200).body("state", equalTo("ONBOARDING"));
        Launches.takePart(id, AGENTS.get(0), "cs-agent").statusCode(200);
        Launches.takePart(id, AGENTS.get(1), "cs-agent").statusCode(200).body("state", equalTo("TRAINING"));
        Launches.saveKit(id, Launches.FULL_KIT).statusCode(200).body("state", equalTo("TRAINING"));
        Launches.recordTraining(id, List.of(LEAD, AGENTS.get(0), AGENTS.get(1)), List.of()).statusCode(200)
                .body("state", equalTo("READY"))
                .body("gates.passed", everyItem(equalTo(true)));
    }

    @Test
    void onboardingNeedsTheLeadAndEveryAgent() {
        String id = Launches.preparedExcept("Every agent onboards", Gate.ONBOARDING_ATTENDED);
        Launches.takePart(id, LEAD, "cs-lead").statusCode(200);
        Launches.takePart(id, AGENTS.get(0), "cs-agent", "Can I cancel an instant withdrawal?").statusCode(200)
                .body("gates[1].passed", equalTo(false))
                .body("gates[1].missing", contains(AGENTS.get(1) + " has not taken part in the final onboarding round"))
                .body("onboarding.find { it.person == 'ali' }.userQuestions",
                        contains("Can I cancel an instant withdrawal?"));
    }

    @Test
    void theCsTeamTakesPartOnlyAfterProductConfirmedTheFinalRound() {
        String id = Launches.plan("Final round first");
        Launches.takePart(id, LEAD, "cs-lead").statusCode(409)
                .body("type", equalTo("https://remote.work/problems/final-round-not-confirmed"));
    }

    @Test
    void anAgentRecordsOnlyTheirOwnPartButTheLeadMayRecordAnyAgents() {
        String id = Launches.plan("Own participation");
        Launches.confirmFinalRound(id).statusCode(200);
        as(AGENTS.get(0), "cs-agent").body("{\"person\": \"" + AGENTS.get(1) + "\"}")
                .post("/launches/" + id + "/onboarding").then().statusCode(403);
        as(LEAD, "cs-lead").body("{\"person\": \"" + AGENTS.get(1) + "\"}")
                .post("/launches/" + id + "/onboarding").then().statusCode(200)
                .body("onboarding.person", contains(AGENTS.get(1)));
        as(LEAD, "cs-lead").body("{\"person\": \"stranger\"}").post("/launches/" + id + "/onboarding").then()
                .statusCode(400).body("violations[0].field", equalTo("person"));
    }

    @Test
    void theTrainingKitGateNeedsAllFiveSections() {
        String id = Launches.preparedExcept("Kit sections", Gate.TRAINING_KIT_COMPLETE);
        Launches.saveKit(id, """
                {"launchTime": "Tuesday 09:00 Europe/Berlin", "expectedQuestions": [],
                 "reportingTechnicalProblems": "A BUG under the parent ticket"}
                """).statusCode(200)
                .body("gates[2].passed", equalTo(false))
                .body("gates[2].missing", contains("training kit section duringAndAfterLaunch is empty",
                        "training kit section expectedQuestions is empty",
                        "training kit section backOfficeOperations is empty"));
        Launches.saveKit(id, """
                {"expectedQuestions": [{"question": "Why?", "answer": ""}]}
                """).statusCode(400).body("violations[0].field", containsString("expectedQuestions[0].answer"));
        Launches.saveKit(id, Launches.FULL_KIT).statusCode(200).body("gates[2].passed", equalTo(true))
                .body("state", equalTo("READY"));
    }

    @Test
    void aTrainingKitWrittenOverAStaleRevisionIsRefused() {
        String id = Launches.preparedExcept("Kit revisions", Gate.TRAINING_KIT_COMPLETE);
        String read = as(PRODUCT, "product").get("/launches/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");

        String written = as(PRODUCT, "product").header("If-Match", read).body(Launches.FULL_KIT)
                .put("/launches/" + id + "/training-kit").then().statusCode(200)
                .body("gates[2].passed", equalTo(true)).extract().header("ETag");
        assertThat(written).isNotEqualTo(read);
        as(PRODUCT, "product").get("/launches/" + id).then().header("ETag", equalTo(written));

        as(PRODUCT, "product").header("If-Match", read).body(Launches.FULL_KIT)
                .put("/launches/" + id + "/training-kit").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/stale-revision"));
        as(PRODUCT, "product").header("If-Match", "not a revision").body(Launches.FULL_KIT)
                .put("/launches/" + id + "/training-kit").then().statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void trainingIsDeliveredOnlyOnceEveryAbsentAgentHadItRelayed() {
        String id = Launches.preparedExcept("Relay to absentees", Gate.TRAINING_DELIVERED);
        Launches.recordTraining(id, List.of(LEAD), List.of(AGENTS.get(0))).statusCode(200)
                .body("gates[3].missing", contains(
                        AGENTS.get(0) + " missed the training and its relay has not been acknowledged",
                        AGENTS.get(1) + " has not been trained"));
        Launches.relay(id, AGENTS.get(0)).statusCode(200);
        Launches.relay(id, AGENTS.get(1)).statusCode(200)
                .body("gates[3].passed", equalTo(true))
                .body("training.findAll { it.outcome == 'RELAYED' }.recordedBy", everyItem(equalTo(LEAD)));
    }

    @Test
    void overridingOpenGatesNeedsAnAdminAndAReasonAndStaysInTheAuditTrail() {
        String id = Launches.preparedExcept("Override", Gate.TRAINING_DELIVERED);
        as(PRODUCT, "product").body("{\"overrideOpenGates\": true, \"reason\": \"We trained in person\"}")
                .post("/launches/" + id + "/start").then().statusCode(403)
                .contentType("application/problem+json");
        as("root", "admin").body("{\"overrideOpenGates\": true}").post("/launches/" + id + "/start").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));

        as("root", "admin").body("{\"overrideOpenGates\": true, \"reason\": \"Trained in person at the office\"}")
                .post("/launches/" + id + "/start").then().statusCode(200)
                .body("state", equalTo("LIVE"))
                .body("startedBy", equalTo("root"));
        as(AGENTS.get(0), "cs-agent").get("/launches/" + id + "/audit").then().statusCode(200)
                .body("items.find { it.action == 'GATES_OVERRIDDEN' }.actor", equalTo("root"))
                .body("items.find { it.action == 'GATES_OVERRIDDEN' }.detail",
                        equalTo("[TRAINING_DELIVERED]: Trained in person at the office"));
    }

    @Test
    void whoMayPlanAndStartFollowsTheRoleTable() {
        as("ops-person", "ops").body("{}").post("/launches").then().statusCode(403);
        as(LEAD, "cs-lead").body("{}").post("/launches").then().statusCode(403);
        String id = Launches.preparedExcept("Roles", null);
        as(LEAD, "cs-lead").body("{}").post("/launches/" + id + "/start").then().statusCode(403);
        as(AGENTS.get(0), "cs-agent").post("/launches/" + id + "/final-round").then().statusCode(403);
        as(AGENTS.get(0), "cs-agent").body("{\"person\": \"bo\"}").post("/launches/" + id + "/relays").then()
                .statusCode(403);
        as("someone", "cs-agent").get("/launches?state=READY").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void planningNamesTheFieldsItRefuses() {
        as(PRODUCT, "product").body("""
                {"feature": "", "plannedLaunchAt": "2026-12-01T09:00:00", "timeZone": "Europe/Berlin",
                 "productOwner": "paula", "csLead": "lena", "csAgents": [], "csChannel": "cs launch",
                 "rulesDocumentLink": "not a link"}
                """).post("/launches").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("feature", "csAgents", "csChannel",
                        "rulesDocumentLink"));
        as(PRODUCT, "product").body("""
                {"feature": "Zones", "plannedLaunchAt": "2030-12-01T09:00:00", "timeZone": "Mars/Olympus",
                 "productOwner": "paula", "csLead": "lena", "csAgents": ["ali"], "csChannel": "#cs",
                 "rulesDocumentLink": "https://docs.remote.work/rules"}
                """).post("/launches").then().statusCode(400).body("violations[0].field", equalTo("timeZone"));
        as(PRODUCT, "product").body("""
                {"feature": "Past", "plannedLaunchAt": "2020-12-01T09:00:00", "timeZone": "Asia/Tokyo",
                 "productOwner": "paula", "csLead": "lena", "csAgents": ["ali"], "csChannel": "#cs",
                 "rulesDocumentLink": "https://docs.remote.work/rules"}
                """).post("/launches").then().statusCode(400).body("violations[0].field", equalTo("plannedLaunchAt"));
    }

    @Test
    void thePlannedTimeIsShownInTheLaunchsZone() {
        String id = as(PRODUCT, "product").body("""
                {"feature": "Zoned", "plannedLaunchAt": "2030-12-01T09:00:00", "timeZone": "Asia/Tokyo",
                 "productOwner": "paula", "csLead": "lena", "csAgents": ["ali"], "csChannel": "#cs",
                 "rulesDocumentLink": "https://docs.remote.work/rules"}
                """).post("/launches").then().statusCode(201)
                .body("plannedLaunchAt", equalTo("2030-12-01T00:00:00Z"))
                .body("plannedLaunchLocal", startsWith("2030-12-01T09:00:00+09:00"))
                .extract().path("id");
        as("x", "ops").get("/launches/" + id + "/audit").then().body("items.action", hasSize(1));
    }
}

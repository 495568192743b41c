package work.remote.process;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static work.remote.process.Api.as;
import static work.remote.process.Api.asPerson;
import static work.remote.process.Api.participant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.process.ChecklistItem;
import work.remote.process.flow.RoleDuties;

@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class RolloutTest {

    private static ValidatableResponse checklist(String rollout, String owner, String viewer, String role) {
        return asPerson(viewer, role).when().get("/rollouts/{id}/checklists/{person}", rollout, owner).then();
    }

    private static ValidatableResponse tick(String rollout, String owner, int line, String caller, String role) {
        return asPerson(caller, role).when()
                .post("/rollouts/{id}/checklists/{person}/lines/{line}/tick", rollout, owner, line).then();
    }

    @Test
    void everyParticipantsChecklistIsTheirRolesStepsAndKeyPointsInFlowOrder() {
        var draft = Drafts.featureLaunch(Drafts.uniqueKey("launch"));
        String process = Api.published(draft);
        String rollout = Api.rolledOut(process, List.of(participant("lin", "cs-lead", null),
                participant("ari", "cs-agent", "lin")));

        for (String[] person : List.of(new String[] { "lin", "cs-lead" }, new String[] { "ari", "cs-agent" })) {
            List<ChecklistItem> expected = RoleDuties.of(draft.definition(), person[1]).checklist();
            checklist(rollout, person[0], person[0], person[1]).statusCode(200)
                    .body("role", equalTo(person[1]))
                    .body("lines.stepId", equalTo(expected.stream().map(ChecklistItem::stepId).toList()))
                    .body("lines.text", equalTo(expected.stream().map(ChecklistItem::text).toList()))
                    .body("lines.keyPoint", equalTo(expected.stream().map(ChecklistItem::keyPoint).toList()))
                    .body("done", equalTo(0));
        }
        checklist(rollout, "lin", "lin", "cs-lead")
                .body("lines.stepId", equalTo(List.of("lead-onboarding", "relay-training", "relay-training")));
    }

    @Test
    void aPersonCannotTickAnotherPersonsChecklist() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("ana", "author", "maya"),
                participant("bo", "reviewer", "maya")));

        tick(rollout, "ana", 0, "bo", "cs-agent").statusCode(403)
                .contentType("application/problem+json").body("type", containsString("not-your-checklist"));
        tick(rollout, "ana", 0, "maya", "cs-lead").statusCode(403);
        tick(rollout, "ana", 0, "boss", "admin").statusCode(403);
        checklist(rollout, "ana", "ana", "product").body("done", equalTo(0));

        tick(rollout, "ana", 0, "ana", "product").statusCode(200).body("done", equalTo(1))
                .body("lines[0].tickedAt", notNullValue());
    }

    @Test
    void aRenamedUserKeepsTheirChecklist() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("u-lena", "author", null)));
        checklist(rollout, "u-lena", "root", "admin").statusCode(200).body("personName", nullValue());

        asPerson("u-lena", "Lena", "cs-agent").when()
                .post("/rollouts/{id}/checklists/{person}/lines/0/tick", rollout, "u-lena").then().statusCode(200)
                .body("person", equalTo("u-lena")).body("personName", equalTo("Lena")).body("done", equalTo(1));

        asPerson("u-lena", "Lena Married-Name", "cs-agent").when()
                .post("/rollouts/{id}/checklists/{person}/lines/1/tick", rollout, "u-lena").then().statusCode(200)
                .body("personName", equalTo("Lena Married-Name")).body("done", equalTo(2));
        asPerson("u-lena", "Lena Married-Name", "cs-agent").when()
                .get("/rollouts/{id}/checklists/{person}", rollout, "u-lena").then().statusCode(200)
                .body("personName", equalTo("Lena Married-Name"));
        as("ops").when().get("/rollouts/{id}", rollout).then().statusCode(200)
                .body("people.person", equalTo(List.of("u-lena")))
                .body("people.personName", equalTo(List.of("Lena Married-Name")));

        asPerson("u-impostor", "Lena", "cs-agent").when()
                .post("/rollouts/{id}/checklists/{person}/lines/2/tick", rollout, "u-lena").then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("not-your-checklist"))
                .body("detail", containsString("Lena (u-impostor)"));
        asPerson("u-impostor", "Lena", "cs-agent").when()
                .get("/rollouts/{id}/checklists/{person}", rollout, "u-lena").then().statusCode(403);
        asPerson("u-impostor", "Lena", "cs-agent").when().get("/rollouts/{id}/checklists", rollout).then()
                .statusCode(200).body("items", hasSize(0));
        asPerson("u-impostor", "Lena", "cs-agent").body(Map.of("rating", 1)).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(403)
                .body("type", containsString("not-a-participant"));
        checklist(rollout, "u-lena", "root", "admin").body("done", equalTo(2))
                .body("personName", equalTo("Lena Married-Name"));

        asPerson("u-lena", "Lena Married-Name", "cs-agent").body(Map.of("rating", 5)).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(201);
        as("product").when().get("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(200)
                .body("answers.person", equalTo(List.of("u-lena")))
                .body("answers.personName", equalTo(List.of("Lena Married-Name")));
    }

    @Test
    void aRenamedSupervisorStillSeesTheirReportsChecklist() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = asPerson("u-mia", "Mia", "product")
                .body(Map.of("participants", List.of(participant("u-lena", "author", "u-mia"),
                        participant("u-mia", "reviewer", null))))
                .when().post("/processes/{id}/rollouts", process).then().statusCode(201).extract().path("id");
        checklist(rollout, "u-lena", "root", "admin").statusCode(200)
                .body("supervisor", equalTo("u-mia")).body("supervisorName", equalTo("Mia"))
                .body("personName", nullValue());

        asPerson("u-mia", "Mia Renamed", "cs-lead").when()
                .get("/rollouts/{id}/checklists/{person}", rollout, "u-lena").then().statusCode(200)
                .body("supervisorName", equalTo("Mia"));
        asPerson("u-mia", "Mia Renamed", "cs-lead").when()
                .post("/rollouts/{id}/checklists/{person}/lines/0/tick", rollout, "u-mia").then().statusCode(200)
                .body("personName", equalTo("Mia Renamed"));
        asPerson("u-mia", "Mia Renamed", "cs-lead").when()
                .get("/rollouts/{id}/checklists/{person}", rollout, "u-lena").then().statusCode(200)
                .body("supervisor", equalTo("u-mia")).body("supervisorName", equalTo("Mia Renamed"));
        asPerson("u-mia", "Mia Renamed", "cs-lead").when().get("/rollouts/{id}/checklists", rollout).then()
                .statusCode(200).body("items.person", equalTo(List.of("u-lena", "u-mia")));
        as("ops").when().get("/rollouts/{id}", rollout).then().statusCode(200)
                .body("people.supervisorName", equalTo(java.util.Arrays.asList("Mia Renamed", null)));

        asPerson("u-impostor", "Mia", "cs-lead").when()
                .get("/rollouts/{id}/checklists/{person}", rollout, "u-lena").then().statusCode(403)
                .body("type", containsString("not-your-checklist"));
        asPerson("u-impostor", "Mia", "cs-lead").when().get("/rollouts/{id}/checklists", rollout).then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aTickNamingAStaleRevisionOfTheChecklistIsRefused() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("ana", "author", null)));
        String assigned = checklist(rollout, "ana", "ana", "product").statusCode(200).extract().header("ETag");

        String ticked = asPerson("ana", "product").header("If-Match", assigned).when()
                .post("/rollouts/{id}/checklists/{person}/lines/0/tick", rollout, "ana").then().statusCode(200)
                .header("ETag", not(equalTo(assigned))).body("done", equalTo(1)).extract().header("ETag");

        asPerson("ana", "product").header("If-Match", assigned).when()
                .post("/rollouts/{id}/checklists/{person}/lines/1/tick", rollout, "ana").then().statusCode(409)
                .body("type", containsString("stale-revision"));
        checklist(rollout, "ana", "ana", "product").header("ETag", equalTo(ticked)).body("done", equalTo(1));
    }

    @Test
    void aChecklistIsVisibleToItsOwnerTheirSupervisorAndAdminsOnly() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("ana", "author", "maya"),
                participant("bo", "reviewer", null)));
        checklist(rollout, "ana", "ana", "cs-agent").statusCode(200);
        checklist(rollout, "ana", "maya", "cs-lead").statusCode(200);
        checklist(rollout, "ana", "root", "admin").statusCode(200);
        checklist(rollout, "ana", "bo", "cs-agent").statusCode(403);
        checklist(rollout, "ana", "someone", "product").statusCode(403);

        asPerson("maya", "cs-lead").when().get("/rollouts/{id}/checklists", rollout).then().statusCode(200)
                .body("items.person", equalTo(List.of("ana")));
        asPerson("bo", "cs-agent").when().get("/rollouts/{id}/checklists", rollout).then().statusCode(200)
                .body("items.person", equalTo(List.of("bo")));
        asPerson("root", "admin").when().get("/rollouts/{id}/checklists", rollout).then().statusCode(200)
                .body("items.person", equalTo(List.of("ana", "bo")));
    }

    @Test
    void aRolloutsChecklistsArePagedByPerson() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("cy", "reviewer", null),
                participant("ana", "author", null), participant("bo", "reviewer", null)));
        asPerson("root", "admin").when().get("/rollouts/{id}/checklists?size=2", rollout).then().statusCode(200)
                .body("items.person", equalTo(List.of("ana", "bo"))).body("total", equalTo(3));
        asPerson("root", "admin").when().get("/rollouts/{id}/checklists?page=1&size=2", rollout).then()
                .statusCode(200).body("items.person", equalTo(List.of("cy"))).body("page", equalTo(1))
                .body("size", equalTo(2)).body("total", equalTo(3));
        asPerson("root", "admin").when().get("/rollouts/{id}/checklists?size=201", rollout).then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void progressIsVisiblePerPersonAndPerKeyPoint() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("ana", "author", null),
                participant("bo", "reviewer", null), participant("cy", "reviewer", null)));
        // the reviewer's checklist: the review step, then its key point
        tick(rollout, "bo", 1, "bo", "cs-agent").statusCode(200);

        as("ops").when().get("/rollouts/{id}", rollout).then().statusCode(200)
                .body("people.person", equalTo(List.of("ana", "bo", "cy")))
                .body("people.total", equalTo(List.of(3, 2, 2)))
                .body("people.done", equalTo(List.of(0, 1, 0)))
                .body("keyPoints", hasSize(1))
                .body("keyPoints[0].stepId", equalTo("review"))
                .body("keyPoints[0].check", equalTo("Check: Every section was read, not skimmed"))
                .body("keyPoints[0].checkedBy", equalTo(List.of("bo")))
                .body("keyPoints[0].pending", equalTo(List.of("cy")));
        as("cs-lead").when().get("/processes/{id}/rollouts?size=1", process).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(rollout))
                .body("items[0].people.done", equalTo(List.of(0, 1, 0)));
    }

    @Test
    void tickingTheLastLineCompletesTheChecklistOnce() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("bo", "reviewer", null)));
        tick(rollout, "bo", 0, "bo", "cs-agent").statusCode(200).body("completedAt", nullValue());
        tick(rollout, "bo", 1, "bo", "cs-agent").statusCode(200).body("completedAt", notNullValue());
        tick(rollout, "bo", 1, "bo", "cs-agent").statusCode(200).body("done", equalTo(2));
        tick(rollout, "bo", 2, "bo", "cs-agent").statusCode(404);
    }

    @Test
    void aRolloutNamesOnlyRolesOfTheVersionAndEachPersonOnce() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        as("product").body(Map.of("participants", List.of(participant("ana", "author", null),
                participant("ana", "reviewer", null), participant("bo", "editor", null)))).when()
                .post("/processes/{id}/rollouts", process).then().statusCode(400)
                .body("violations.field", equalTo(List.of("participants[1].person", "participants[2].role")));
        as("product").body(Map.of("version", 2, "participants", List.of(participant("ana", "author", null))))
                .when().post("/processes/{id}/rollouts", process).then().statusCode(404);
    }

    @Test
    void participantsGiveAdoptionFeedbackOnceAndTheRolloutSummarisesIt() {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String rollout = Api.rolledOut(process, List.of(participant("ana", "author", null),
                participant("bo", "reviewer", null), participant("cy", "reviewer", null)));
        asPerson("ana", "product").body(Map.of("rating", 4, "suggestions", "Add a template")).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(201);
        asPerson("bo", "cs-agent").body(Map.of("rating", 2, "problems", "Two reviews per day is too many")).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(201);
        asPerson("bo", "cs-agent").body(Map.of("rating", 5)).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(409);
        asPerson("zed", "cs-agent").body(Map.of("rating", 5)).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(403);
        asPerson("cy", "cs-agent").body(Map.of("rating", 6)).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(400)
                .body("violations[0].field", equalTo("rating"));

        as("product").when().get("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(200)
                .body("participants", equalTo(3))
                .body("responses", equalTo(2))
                .body("averageRating", equalTo(3.0f))
                .body("ratings", equalTo(Map.of("2", 1, "4", 1)))
                .body("notAnswered", equalTo(List.of("cy")))
                .body("answers.problems", equalTo(java.util.Arrays.asList(null, "Two reviews per day is too many")));
    }
}

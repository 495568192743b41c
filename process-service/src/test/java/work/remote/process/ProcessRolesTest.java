package work.remote.process;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static work.remote.process.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;

/** The README's "who may do what" rows for process-service, one test per row. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ProcessRolesTest {

    private static final Map<String, Object> ANY_BODY = Map.of();

    @ParameterizedTest
    @CsvSource({ "product,201", "admin,201", "cs-lead,403", "cs-agent,403", "ops,403" })
    void onlyProductAndAdminCreateProcesses(String role, int status) {
        as(role).body(Drafts.review(Drafts.uniqueKey("roles"))).when().post("/processes").then().statusCode(status);
    }

    @ParameterizedTest
    @ValueSource(strings = { "cs-lead", "cs-agent", "ops" })
    void onlyProductAndAdminEditRehearseReviewPublishRefineRetireAndRollOut(String role) {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("roles")));
        UUID any = UUID.randomUUID();
        for (String path : List.of("/processes/{id}/rehearsals", "/processes/{id}/rehearsals/" + any
                + "/steps/0/resolution", "/processes/{id}/rehearsals/" + any + "/waiver",
                "/processes/{id}/review-requests", "/processes/{id}/versions", "/processes/{id}/refinements",
                "/processes/{id}/retirement", "/processes/{id}/rollouts")) {
            as(role).body(ANY_BODY).when().post(path, id).then().statusCode(403);
        }
        as(role).header("If-Match", "\"0\"").body(Drafts.review("x")).when().put("/processes/{id}/draft", id).then()
                .statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "product", "admin" })
    void productAndAdminMayAuthorAndPublish(String role) {
        String id = as(role).body(Drafts.review(Drafts.uniqueKey("roles"))).when().post("/processes").then()
                .statusCode(201).extract().path("id");
        as(role).body(Map.of("participants", List.of(Map.of("person", "ana", "functionGroup", "product")))).when()
                .post("/processes/{id}/review-requests", id).then().statusCode(202);
        Api.rehearsedAs(role, id);
        as(role).body(Map.of("changeSummary", "First version")).when().post("/processes/{id}/versions", id).then()
                .statusCode(201);
        as(role).body(Map.of("participants", List.of(Api.participant("ana", "author", null)))).when()
                .post("/processes/{id}/rollouts", id).then().statusCode(201);
    }

    @ParameterizedTest
    @CsvSource({ "product,403", "cs-lead,403", "cs-agent,403", "ops,403", "admin,201" })
    void onlyAnAdminPublishesWithoutASelfRehearsal(String role, int status) {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("roles")));
        as(role).body(Map.of("changeSummary", "First version", "withoutRehearsalReason", "Rehearsed on a call"))
                .when().post("/processes/{id}/versions", id).then().statusCode(status);
    }

    @ParameterizedTest
    @ValueSource(strings = { "product", "cs-lead", "cs-agent", "ops", "admin" })
    void everyAuthenticatedRoleReadsProcessesVersionsDutiesChartsAndRollouts(String role) {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("roles")));
        String rollout = Api.rolledOut(id, List.of(Api.participant("ana", "author", null)));
        for (String path : List.of("/processes", "/processes/{id}", "/processes/{id}/versions", "/processes/{id}/versions/1", "/processes/{id}/diff?from=1&to=1",
                "/processes/{id}/duties/author", "/processes/{id}/flowchart.mmd", "/processes/{id}/flowchart.svg",
                "/processes/{id}/rehearsals", "/processes/{id}/feedback", "/processes/{id}/improvements",
                "/processes/{id}/rollouts")) {
            as(role).when().get(path.replace("{id}", id)).then().statusCode(200);
        }
        as(role).when().get("/rollouts/{id}", rollout).then().statusCode(200);
        as(role).when().get("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "product", "cs-lead", "cs-agent", "ops", "admin" })
    void everyAuthenticatedRoleReadsOneRehearsal(String role) {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("roles")));
        String rehearsal = as("product").body(Map.of("walkedBy", List.of("ana"), "steps",
                List.of(Map.of("stepId", "draft")))).when().post("/processes/{id}/rehearsals", id).then()
                .statusCode(201).extract().path("id");
        as(role).when().get("/processes/{id}/rehearsals/{r}", id, rehearsal).then().statusCode(200);
    }

    @Test
    void withoutATokenEverythingIsUnauthorized() {
        io.restassured.RestAssured.given().when().get("/processes").then().statusCode(401);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).body("{}").when()
                .post("/processes").then().statusCode(401);
    }

    @Test
    void theValidationReportOfAPublishedProcessWithoutDraftIsAConflict() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("roles")));
        as("ops").when().get("/processes/{id}/validation", id).then().statusCode(409)
                .body("type", not(equalTo(null)));
    }
}

package work.remote.process;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.process.rest.DraftRequest;

/** REST calls the tests make, as a person with one role. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return asPerson("someone-" + role, role);
    }

    public static RequestSpecification asPerson(String person, String role) {
        return given().auth().oauth2(RemoteWorkTestResource.tokens().token(person, role))
                .contentType(ContentType.JSON);
    }

    /** As the person with the stable id {@code person} whose token carries the display name {@code name}. */
    public static RequestSpecification asPerson(String person, String name, String role) {
        return given().auth().oauth2(RemoteWorkTestResource.tokens().token(person, name, Set.of(role)))
                .contentType(ContentType.JSON);
    }

    public static ValidatableResponse create(DraftRequest draft) {
        return as("product").body(draft).when().post("/processes").then();
    }

    /** Creates the draft and returns the new process's id. */
    public static String created(DraftRequest draft) {
        return create(draft).statusCode(201).extract().path("id");
    }

    /**
     * Records, as {@code role}, the self-rehearsal publishing needs: every step of the open draft walked, without a
     * finding; returns the rehearsal's id.
     */
    public static String rehearsedAs(String role, String id) {
        List<String> steps = as(role).when().get("/processes/{id}", id).then().statusCode(200).extract()
                .path("draft.steps.id");
        return as(role).body(Map.of("walkedBy", List.of("someone-" + role), "steps",
                steps.stream().map(step -> Map.of("stepId", step)).toList())).when()
                .post("/processes/{id}/rehearsals", id).then().statusCode(201)
                .body("clearsPublication", equalTo(true)).extract().path("id");
    }

    /** {@link #rehearsedAs(String, String)} as the product person. */
    public static String rehearsed(String id) {
        return rehearsedAs("product", id);
    }

    /** Publishes the open draft as it is: refused unless it was rehearsed (see {@link #rehearsed(String)}). */
    public static ValidatableResponse publish(String id, String changeSummary) {
        return as("product").body(Map.of("changeSummary", changeSummary)).when()
                .post("/processes/{id}/versions", id).then();
    }

    /** Creates, rehearses and publishes the draft as version 1; returns the process id. */
    public static String published(DraftRequest draft) {
        String id = created(draft);
        rehearsed(id);
        publish(id, "First version").statusCode(201);
        return id;
    }

    public static String revision(String id) {
        return as("product").when().get("/processes/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    /** Starts a rollout of the latest version; participants are (person, role, supervisor) triples. */
    public static String rolledOut(String processId, List<Map<String, String>> participants) {
        return as("product").body(Map.of("participants", participants)).when()
                .post("/processes/{id}/rollouts", processId).then().statusCode(201).extract().path("id");
    }

    public static Map<String, String> participant(String person, String role, String supervisor) {
        return supervisor == null ? Map.of("person", person, "role", role)
                : Map.of("person", person, "role", role, "supervisor", supervisor);
    }
}

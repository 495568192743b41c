package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static work.remote.ticket.Launches.LEAD;
import static work.remote.ticket.Launches.PRODUCT;
import static work.remote.ticket.Launches.as;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import work.remote.devinfra.DevTokens;
import work.remote.devinfra.RemoteWorkTestResource;

/**
 * People are known by their stable id (the token's {@code sub}): a renamed person keeps what is theirs and is shown by
 * their new name, and someone else carrying their old name gets none of it.
 */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class StableIdentityTest {

    private static final String ALI = "u-7";
    private static final String BO = "u-9";

    @Test
    void aRenamedAgentStillRecordsTheirOwnOnboarding() {
        String id = Launches.plan("Onboarding under a new name", List.of(ALI, BO));
        Launches.confirmFinalRound(id).statusCode(200);

        onboard(as(ALI, "Ali"), id, "{\"userQuestions\": [\"Is there a fee?\"]}").statusCode(200)
                .body("onboarding.find { it.person == 'u-7' }.personName", equalTo("Ali"));
        onboard(as(ALI, "Ali Renamed"), id, "{\"userQuestions\": [\"What is the daily limit?\"]}").statusCode(200)
                .body("onboarding.find { it.person == 'u-7' }.personName", equalTo("Ali Renamed"))
                .body("onboarding.find { it.person == 'u-7' }.userQuestions",
                        contains("Is there a fee?", "What is the daily limit?"));

        onboard(as("u-8", "Ali"), id, "{\"person\": \"u-7\", \"userQuestions\": [\"Not theirs\"]}").statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/not-your-participation"));
        onboard(as("u-8", "Ali"), id, "{\"userQuestions\": [\"Not theirs\"]}").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("person"));

        Launches.as(PRODUCT, "product").get("/launches/" + id).then().statusCode(200)
                .body("onboarding.person", contains(ALI))
                .body("onboarding[0].userQuestions", contains("Is there a fee?", "What is the daily limit?"));
        Launches.as(PRODUCT, "product").get("/launches/" + id + "/audit").then().statusCode(200)
                .body("items.findAll { it.action == 'ONBOARDING_ATTENDED' }.actor", contains(ALI, ALI))
                .body("items.findAll { it.action == 'ONBOARDING_ATTENDED' }.actorName", contains("Ali", "Ali Renamed"))
                .body("items.find { it.action == 'PLANNED' }.actor", equalTo(PRODUCT))
                .body("items.find { it.action == 'PLANNED' }.actorName", equalTo(DevTokens.displayName(PRODUCT)));
    }

    @Test
    void aTicketShowsTheNamesLastLearnedForItsReporterAndAssignee() {
        String ticket = as(ALI, "Ali").body(TicketResourceTest.ticket("Fee shown twice", "BUG", "NONE", 1))
                .post("/tickets").then().statusCode(201)
                .body("reporter", equalTo(ALI))
                .body("reporterName", equalTo("Ali"))
                .extract().path("id");

        Launches.as(LEAD, "cs-lead").body("{\"assignee\": \"" + BO + "\"}").put("/tickets/" + ticket + "/assignee")
                .then().statusCode(200)
                .body("assignee", equalTo(BO))
                .body("assigneeName", nullValue());
        move(as(BO, "Bo"), ticket, "TRIAGED").body("assigneeName", equalTo("Bo"));
        move(as(ALI, "Ali Renamed"), ticket, "IN_PROGRESS")
                .body("reporter", equalTo(ALI))
                .body("reporterName", equalTo("Ali Renamed"))
                .body("assigneeName", equalTo("Bo"));

        Launches.as(LEAD, "cs-lead").get("/tickets/" + ticket + "/timeline").then().statusCode(200)
                .body("items.actor", contains(ALI, LEAD, BO, ALI))
                .body("items.actorName", contains("Ali", DevTokens.displayName(LEAD), "Bo", "Ali Renamed"));
    }

    private static RequestSpecification as(String id, String name) {
        return given().auth().oauth2(RemoteWorkTestResource.tokens().token(id, name, Set.of("cs-agent")))
                .contentType(ContentType.JSON);
    }

    private static ValidatableResponse onboard(RequestSpecification caller, String launch, String body) {
        return caller.body(body).post("/launches/" + launch + "/onboarding").then();
    }

    private static ValidatableResponse move(RequestSpecification caller, String ticket, String to) {
        return caller.body("{\"to\": \"" + to + "\"}").post("/tickets/" + ticket + "/transitions").then()
                .statusCode(200);
    }
}

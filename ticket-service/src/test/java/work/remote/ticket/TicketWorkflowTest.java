package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;

@QuarkusTest
@WithTestResource(TicketTestResource.class)
class TicketWorkflowTest {

    static ValidatableResponse move(String id, String to, String role) {
        return given().auth().oauth2(TicketResourceTest.token(role)).contentType(ContentType.JSON)
                .body("{\"to\": \"" + to + "\", \"note\": \"moving to " + to + "\"}")
                .when().post("/tickets/" + id + "/transitions").then();
    }

    static String openTicket(String impact) {
        return TicketResourceTest.report("cs-agent",
                TicketResourceTest.ticket("Workflow of a " + impact + " ticket", "BUG", impact, 1))
                .statusCode(201).extract().path("id");
    }

    @Test
    void anIllegalTransitionIsAConflictNamingTheAllowedStates() {
        String id = openTicket("NONE");
        move(id, "RESOLVED", "product")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("OPEN"))
                .body("detail", containsString("[TRIAGED]"));
    }

    @Test
    void everyStepOfTheWorkflowIsInTheTimelineWithWhoAndWhat() {
        String id = openTicket("DEGRADED");
        for (String state : new String[] { "TRIAGED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REOPENED", "IN_PROGRESS" }) {
            move(id, state, "cs-lead").statusCode(200).body("state", equalTo(state));
        }
        given().auth().oauth2(TicketResourceTest.token("ops")).when().get("/tickets/" + id + "/timeline").then()
                .statusCode(200)
                .body("items.action", contains("REPORTED", "TRIAGED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REOPENED",
                        "IN_PROGRESS"))
                .body("items[0].actor", equalTo("someone-cs-agent"))
                .body("items[1].actor", equalTo("someone-cs-lead"))
                .body("items[3].detail", equalTo("IN_PROGRESS → RESOLVED: moving to RESOLVED"));
    }

    @Test
    void resolvingStopsTheClockAndReopeningRestartsItFromTheReportTime() {
        String id = openTicket("WITHDRAWAL_BLOCKED");
        String resolveBy = given().auth().oauth2(TicketResourceTest.token("product")).when().get("/tickets/" + id)
                .then().extract().path("resolveBy");
        move(id, "TRIAGED", "product").statusCode(200);
        move(id, "IN_PROGRESS", "product").statusCode(200);
        move(id, "RESOLVED", "product").statusCode(200).body("secondsRemaining", equalTo(null));
        move(id, "REOPENED", "product").statusCode(200)
                .body("resolveBy", equalTo(resolveBy))
                .body("secondsRemaining", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void twoPeopleResolvingAtOnceResolveItOnceAndTheOtherGetsAConflict() throws Exception {
        String id = openTicket("TRADING_BLOCKED");
        move(id, "TRIAGED", "product").statusCode(200);
        move(id, "IN_PROGRESS", "product").statusCode(200);
        Callable<Integer> resolve = () -> move(id, "RESOLVED", "cs-lead").extract().statusCode();
        ExecutorService twoPeople = Executors.newFixedThreadPool(2);
        try {
            var results = twoPeople.invokeAll(List.of(resolve, resolve));
            assertThat(List.of(results.get(0).get(), results.get(1).get()))
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            twoPeople.shutdown();
        }
        given().auth().oauth2(TicketResourceTest.token("ops")).when().get("/tickets/" + id + "/timeline").then()
                .body("items.findAll { it.action == 'RESOLVED' }.size()", equalTo(1));
    }

    @Test
    void opsMayReadButNotMoveTickets() {
        String id = openTicket("NONE");
        move(id, "TRIAGED", "ops").statusCode(403);
    }
}

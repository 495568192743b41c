package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;

@QuarkusTest
@WithTestResource(TicketTestResource.class)
class TicketResourceTest {

    static String token(String role) {
        return RemoteWorkTestResource.tokens().token("someone-" + role, role);
    }

    static ValidatableResponse report(String role, String body) {
        return given().auth().oauth2(token(role)).contentType(ContentType.JSON).body(body)
                .when().post("/tickets").then();
    }

    static String ticket(String title, String type, String impact, int affectedUsers) {
        return """
                {"title": "%s", "type": "%s", "impact": "%s", "affectedUsers": %d,
                 "description": "Seen by support", "impactDetail": "Error W-17 on the withdrawal screen"}
                """.formatted(title, type, impact, affectedUsers);
    }

    @Test
    void aBugBlockingOneUsersWithdrawalIsCriticalWithAThreeHourDeadline() {
        String reportedAt = report("cs-agent", ticket("Withdrawal fails for user 42", "BUG", "WITHDRAWAL_BLOCKED", 1))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("severity", equalTo("CRITICAL"))
                .body("state", equalTo("OPEN"))
                .body("reporter", equalTo("someone-cs-agent"))
                .body("secondsRemaining", notNullValue())
                .extract().path("reportedAt");
        String resolveBy = report("cs-agent", ticket("Trading halted for one user", "BUG", "TRADING_BLOCKED", 1))
                .statusCode(201).body("severity", equalTo("CRITICAL")).extract().path("resolveBy");
        assertThat(resolveBy).isNotNull();
        assertThat(Duration.between(Instant.parse(reportedAt), Instant.parse(resolveBy)))
                .isBetween(Duration.ofHours(3), Duration.ofHours(3).plusMinutes(1));
    }

    @Test
    void aTicketWithoutMoneyImpactIsNotCriticalAndHasNoDeadline() {
        report("product", ticket("Typo on the launch banner", "BUG", "COSMETIC", 5000))
                .statusCode(201)
                .body("severity", equalTo("LOW"))
                .body("resolveBy", nullValue())
                .body("secondsRemaining", nullValue());
    }

    @Test
    void aStoredTicketCanBeReadBackWithItsRemainingTime() {
        String id = report("cs-lead", ticket("Balance shows wrong amount", "BUG", "FUNDS_INCORRECT", 3))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(token("ops")).when().get("/tickets/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("severity", equalTo("CRITICAL"))
                .body("link", equalTo("http://localhost:8083/tickets/" + id));
    }

    @Test
    void invalidInputGetsAProblemDocumentNamingEachField() {
        report("cs-agent", """
                {"title": " ", "type": "BUG", "affectedUsers": -1}
                """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("violations.field", containsInAnyOrder("title", "impact", "affectedUsers"));
    }

    @Test
    void anUnknownEnumValueIsNamedInTheProblem() {
        report("cs-agent", ticket("Odd", "BUG", "ON_FIRE", 1))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("impact"));
    }

    @Test
    void aMissingBodyIsNamedInTheProblem() {
        given().auth().oauth2(token("cs-agent")).contentType(ContentType.JSON)
                .when().post("/tickets").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("request"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        report("cs-agent", "{\"title\": ")
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void reportingWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(ticket("No token", "BUG", "NONE", 1))
                .when().post("/tickets").then().statusCode(401);
    }

    @Test
    void reportingWithATokenLackingASuitableRoleIsForbidden() {
        report("ops", ticket("Ops cannot open tickets", "BUG", "NONE", 1))
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} reports: {1}, reads: {2}")
    @CsvSource({ "product, 201, 200", "cs-lead, 201, 200", "cs-agent, 201, 200", "ops, 403, 200", "admin, 201, 200" })
    void eachRoleMayDoWhatTheReadmeRoleTableSays(String role, int reportStatus, int readStatus) {
        report(role, ticket("Role table row for " + role, "QUESTION", "NONE", 1)).statusCode(reportStatus);
        String existing = report("admin", ticket("Readable by everyone", "QUESTION", "NONE", 1))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(token(role)).when().get("/tickets/" + existing).then().statusCode(readStatus);
    }

    @Test
    void aTokenWithoutAnyProductRoleIsForbidden() {
        given().auth().oauth2(RemoteWorkTestResource.tokens().token("visitor")).contentType(ContentType.JSON)
                .body(ticket("No role", "BUG", "NONE", 1)).when().post("/tickets").then().statusCode(403);
    }

    @Test
    void ticketsAreListedNewestFirstAndFilteredByTypeSeverityAndState() {
        String critical = report("cs-agent", ticket("Listed: withdrawals down", "BUG", "WITHDRAWAL_BLOCKED", 2))
                .statusCode(201).extract().path("id");
        String question = report("cs-agent", ticket("Listed: how do fees work", "QUESTION", "NONE", 0))
                .statusCode(201).extract().path("id");

        given().auth().oauth2(token("ops")).queryParam("severity", "CRITICAL").queryParam("state", "OPEN")
                .queryParam("size", 200)
                .when().get("/tickets").then().statusCode(200)
                .body("items.id", hasItem(critical))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(question)))
                .body("items.severity", org.hamcrest.Matchers.everyItem(equalTo("CRITICAL")));
        given().auth().oauth2(token("ops")).queryParam("type", "QUESTION").queryParam("size", 1)
                .when().get("/tickets").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(question))
                .body("size", equalTo(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(token("ops")).queryParam("size", 1000).when().get("/tickets").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void anAssignmentMadeOverAStaleRevisionIsRefused() {
        String id = report("cs-agent", ticket("Assigned by revision", "BUG", "DEGRADED", 3)).statusCode(201)
                .extract().path("id");
        String read = given().auth().oauth2(token("cs-lead")).when().get("/tickets/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");

        String assigned = given().auth().oauth2(token("cs-lead")).contentType(ContentType.JSON).header("If-Match", read)
                .body("{\"assignee\": \"dev-dana\"}").when().put("/tickets/" + id + "/assignee").then()
                .statusCode(200).body("assignee", equalTo("dev-dana")).extract().header("ETag");
        assertThat(assigned).isNotEqualTo(read);

        given().auth().oauth2(token("cs-lead")).contentType(ContentType.JSON).header("If-Match", read)
                .body("{\"assignee\": \"dev-eve\"}").when().put("/tickets/" + id + "/assignee").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/stale-revision"));
        given().auth().oauth2(token("cs-lead")).when().get("/tickets/" + id).then()
                .header("ETag", equalTo(assigned)).body("assignee", equalTo("dev-dana"));
    }

    @Test
    void anUnknownTicketIsANotFoundProblem() {
        given().auth().oauth2(token("product")).when().get("/tickets/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}

package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.signin.SignedIn;

/** The war room against a ticket-service stand-in with two open gates, a critical issue at risk and one breached. */
@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class WarRoomTest {

    private static final String WAR_ROOM = "/launches/" + TicketServiceStandIn.LAUNCH;

    @ConfigProperty(name = "console-test.ticket-service")
    String ticketService;

    @Test
    void theGatesSayPassedOrOpenWithWhatIsMissingInWords() {
        String token = SignInTest.signIn("paula", "product");
        given().cookie(SignedIn.COOKIE, token).when().get(WAR_ROOM).then()
                .statusCode(200)
                .body(containsString("Product confirmed the final onboarding round"))
                .body(containsString("The training kit has all five sections"))
                .body(containsString("training kit section backOfficeOperations is empty"))
                .body(containsString("no training has been held yet"))
                .body(containsString("<span class=\"passed\">Passed</span>"))
                .body(containsString("<span class=\"open\">Open</span>"));
    }

    @Test
    void eachOpenCriticalIssueCountsDownSayingAtRiskOrBreachedInWords() {
        String token = SignInTest.signIn("lena", "cs-lead");
        given().cookie(SignedIn.COOKIE, token).when().get(WAR_ROOM).then()
                .statusCode(200)
                .body(containsString("class=\"countdown at-risk\""))
                .body(containsString("At risk: 4"))
                .body(containsString("class=\"countdown breached\""))
                .body(containsString("Breached: the deadline passed 5 min ago"))
                .body(containsString("data-at-risk-within=\"3600\""));
    }

    @Test
    void theFeedbackTicketShowsItsChildrenByTypeMostSevereFirst() {
        String token = SignInTest.signIn("ali", "cs-agent");
        String page = given().cookie(SignedIn.COOKIE, token).when().get(WAR_ROOM).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("<h3>BUG (2)</h3>", "<h3>QUESTION (1)</h3>", "When do fees apply?");
        assertThat(page.indexOf("<h3>BUG")).isLessThan(page.indexOf("<h3>QUESTION"));
    }

    @Test
    void theConsoleCallsTheServiceWithTheViewersOwnToken() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token).when().get(WAR_ROOM).then().statusCode(200);
        given().baseUri(ticketService).when().get("/recorded/authorization").then()
                .body(equalTo("Bearer " + token));
    }

    @Test
    void actionsFollowTheViewersRoles() {
        String product = SignInTest.signIn("paula", "product");
        given().cookie(SignedIn.COOKIE, product).when().get(WAR_ROOM).then()
                .body(allOf(containsString("id=\"start-launch\""), containsString("id=\"confirm-final-round\""),
                        containsString("id=\"save-training-kit\""), not(containsString("id=\"override-open-gates\""))));
        String agent = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, agent).when().get(WAR_ROOM).then()
                .body(allOf(not(containsString("id=\"start-launch\"")), containsString("id=\"record-onboarding\"")));
        String admin = SignInTest.signIn("ada", "admin");
        given().cookie(SignedIn.COOKIE, admin).when().get(WAR_ROOM).then()
                .body(allOf(containsString("id=\"start-launch\""), containsString("id=\"override-open-gates\""),
                        containsString("id=\"start-reason\"")));
    }

    @Test
    void aRefusalOfTheServiceIsShownInWordsNeverAsJson() {
        String agent = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, agent).formParam("reason", "").when().post(WAR_ROOM + "/start").then()
                .statusCode(422)
                .body(containsString("role=\"alert\""))
                .body(containsString("Ticket-service refused: Forbidden. The token lacks a role allowed here."))
                .body(not(containsString("application/problem+json")))
                .body(not(containsString("\"status\"")));
    }

    @Test
    void theLivePartHasAPlaceToSayInWordsThatItCouldNotBeRefreshedOrIsReconnecting() {
        String token = SignInTest.signIn("lena", "cs-lead");
        String page = given().cookie(SignedIn.COOKIE, token).when().get(WAR_ROOM).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("<div class=\"live-status\" aria-live=\"polite\" id=\"live-status\">\n"
                + "  <p id=\"live-connection\"></p>\n  <p id=\"live-refresh\"></p>\n</div>",
                "<div id=\"war-room-live\" data-live-part hx-get=\"" + WAR_ROOM + "\" hx-trigger=\"sse:changed, refresh\"");
        String script = given().when().get("/console.js").then().statusCode(200).extract().asString();
        assertThat(script).contains("\"htmx:responseError\"", "\"htmx:sendError\"", "\"htmx:afterSwap\"",
                "\"htmx:sseError\"", "\"htmx:sseOpen\"", "getResponseHeader(\"Retry-After\")", "[data-live-part]",
                "\"live-refresh\"", "\"live-connection\"");
    }

    @Test
    void aRefreshWhileTheServiceFailsAnswers503WithRetryAfterAndTheProblemInWords() {
        String token = SignInTest.signIn("lena", "cs-lead");
        given().cookie(SignedIn.COOKIE, token).header("HX-Request", "true")
                .when().get("/launches/" + TicketServiceStandIn.FAILING).then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body(containsString("<div class=\"problem\" role=\"alert\" id=\"problem\">\n  <p>Ticket-service failed: "
                        + "Internal Server Error. The database is unavailable.</p>"))
                .body(not(containsString("id=\"war-room-live\"")));
    }
}

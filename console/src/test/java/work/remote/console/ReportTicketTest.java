package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.signin.SignedIn;

@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class ReportTicketTest {

    @Test
    void theApisValidationMessageIsShownNextToTheFieldAndTheFormKeepsWhatWasTyped() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token)
                .formParam("title", "").formParam("type", "BUG").formParam("impact", "WITHDRAWAL_BLOCKED")
                .formParam("affectedUsers", "1").formParam("description", "One user cannot withdraw")
                .formParam("parentId", TicketServiceStandIn.PARENT).formParam("links", "")
                .when().post("/tickets").then()
                .statusCode(422)
                .body(containsString("<p class=\"field-problem\" id=\"title-problem\">must not be blank</p>"))
                .body(containsString("aria-describedby=\"title-problem\""))
                .body(containsString("Ticket-service refused: The request is invalid. 1 field(s) are invalid."))
                .body(containsString("One user cannot withdraw"))
                .body(containsString("<option value=\"WITHDRAWAL_BLOCKED\" selected>"))
                .body(not(containsString("\"violations\"")));
    }

    @Test
    void aFieldTheConsoleCannotSendIsNamedWithoutAskingTheService() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token)
                .formParam("title", "Cannot withdraw").formParam("type", "BUG").formParam("impact", "NONE")
                .formParam("affectedUsers", "many").formParam("parentId", "").formParam("links", "")
                .when().post("/tickets").then()
                .statusCode(422)
                .body(containsString("id=\"affectedUsers-problem\">must be a whole number, e.g. 1</p>"));
    }

    @Test
    void aReportedTicketOpensItsPage() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().redirects().follow(false).cookie(SignedIn.COOKIE, token)
                .formParam("title", "When do fees apply?").formParam("type", "QUESTION").formParam("impact", "NONE")
                .formParam("affectedUsers", "0").formParam("parentId", TicketServiceStandIn.PARENT)
                .formParam("links", "")
                .when().post("/tickets").then()
                .statusCode(303)
                .header("Location", endsWith("/tickets/" + TicketServiceStandIn.QUESTION));
    }
}

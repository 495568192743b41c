package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.signin.SignedIn;

/** The ops page against a notification-service stand-in with 55 delivered messages and two dead ones. */
@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class OpsPageTest {

    private static final String DEAD_EMAIL = NotificationServiceStandIn.DEAD_EMAIL;
    private static final String DEAD_SLACK = NotificationServiceStandIn.DEAD_SLACK;

    @Test
    void theDeadDeliveriesAreListedWithTheirLastErrorAndOpsMayReplayThem() {
        String ops = SignInTest.signIn("omar", "ops");
        given().cookie(SignedIn.COOKIE, ops).when().get("/ops").then()
                .statusCode(200)
                .body(containsString("<a href=\"/ops\" id=\"nav-ops\">"))
                .body(containsString("<li class=\"card\" id=\"dead-" + DEAD_EMAIL + "\">"))
                .body(containsString("<strong>Trading blocked for one user</strong> · <span class=\"open\">dead</span> "
                        + "after 8 attempt(s)"))
                .body(containsString("Last error: 550 mailbox unavailable"))
                .body(containsString("id=\"replay-" + DEAD_EMAIL + "\""));
    }

    @Test
    void theDeliveryLogIsPagedNewestFirstAndFilteredByState() {
        String token = SignInTest.signIn("paula", "product");
        given().cookie(SignedIn.COOKIE, token).when().get("/ops").then()
                .statusCode(200)
                .body(containsString("Page 1 of 2 · 57 deliveries, newest first"))
                .body(containsString("Ticket number 48<br>"))
                .body(not(containsString("Ticket number 49<br>")))
                .body(containsString("<a href=\"/ops?page=1&amp;state=\" id=\"older\" rel=\"next\">"))
                .body(not(containsString("id=\"newer\"")));
        given().cookie(SignedIn.COOKIE, token).queryParam("page", 1).when().get("/ops").then()
                .statusCode(200)
                .body(containsString("Page 2 of 2"))
                .body(allOf(containsString("Ticket number 49<br>"), containsString("Ticket number 55<br>")))
                .body(containsString("<a href=\"/ops?page=0&amp;state=\" id=\"newer\" rel=\"prev\">"))
                .body(not(containsString("id=\"older\"")));
        given().cookie(SignedIn.COOKIE, token).queryParam("state", "DELIVERED").when().get("/ops").then()
                .statusCode(200)
                .body(containsString("Page 1 of 2 · 55 deliveries"))
                .body(containsString("<option value=\"DELIVERED\" selected>"));
    }

    @Test
    void opsReplaysADeadDelivery() {
        String ops = SignInTest.signIn("omar", "ops");
        given().redirects().follow(false).cookie(SignedIn.COOKIE, ops)
                .when().post("/ops/deliveries/" + DEAD_SLACK + "/replay").then()
                .statusCode(303)
                .header("Location", endsWith("/ops#dead"));
        given().cookie(SignedIn.COOKIE, ops).when().get("/ops").then()
                .statusCode(200)
                .body(not(containsString("id=\"dead-" + DEAD_SLACK + "\"")))
                .body(containsString("<tr id=\"delivery-" + DEAD_SLACK + "\">"));
    }

    @Test
    void aRoleWithoutTheRightSeesNoReplayAndIsRefusedInWords() {
        String product = SignInTest.signIn("paula", "product");
        given().cookie(SignedIn.COOKIE, product).when().get("/ops").then()
                .statusCode(200)
                .body(containsString("id=\"dead-" + DEAD_EMAIL + "\""))
                .body(not(containsString("id=\"replay-")));
        given().cookie(SignedIn.COOKIE, product).when().post("/ops/deliveries/" + DEAD_EMAIL + "/replay").then()
                .statusCode(422)
                .body(containsString("<div class=\"problem\" role=\"alert\" id=\"replay-problem\">"))
                .body(containsString("Notification-service refused: Forbidden. The token lacks a role allowed here."))
                .body(containsString("id=\"dead-" + DEAD_EMAIL + "\""))
                .body(not(containsString("\"violations\"")));
    }
}

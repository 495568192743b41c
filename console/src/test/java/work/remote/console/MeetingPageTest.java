package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.signin.SignedIn;

/** The meeting page against a meeting-service stand-in with a running discussion that chen missed. */
@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class MeetingPageTest {

    private static final String DISCUSSION = "/meetings/" + MeetingServiceStandIn.DISCUSSION;
    private static final String TRAINING = "/meetings/" + MeetingServiceStandIn.TRAINING;

    @Test
    void theAgendaShowsEachItemWithItsTimeboxAndSaysOverTimeInWords() {
        String token = SignInTest.signIn("ali", "cs-agent");
        String page = given().cookie(SignedIn.COOKIE, token).when().get(DISCUSSION).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("<strong>The host presents the process</strong> · PRESENTATION · "
                + "<span id=\"agenda-0-timebox-size\">10 min</span>",
                "Done in 11 min 00 s: over time by 1 min 00 s (timebox 10 min)");
        assertThat(page).contains("<strong>Everyone reads the material</strong> · READING · "
                + "<span id=\"agenda-1-timebox-size\">5 min</span>",
                "<span class=\"timebox over-time\" role=\"timer\" id=\"agenda-1-timebox\"",
                "data-timebox-seconds=\"300\">Over time by ");
        assertThat(page).contains("<span id=\"agenda-2-timebox-size\">25 min</span>", "Not started; timebox 25 min");
    }

    @Test
    void theParkingLotCarriesOverAndAttendanceSaysWhoRelaysToWhomWhoMissedIt() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token).when().get(DISCUSSION).then()
                .statusCode(200)
                .body(containsString("Should refunds under 10 EUR skip the escalation?<br>\n      proposed by bo · OPEN"
                        + " · carried over from an earlier meeting"))
                .body(containsString("A bot that answers the fee question<br>\n      proposed by ali · OPEN\n"))
                .body(containsString("<tr id=\"attendee-chen\"><td>chen</td><td>CS</td>\n      <td>lena</td>"
                        + "<td>absent; lena relays it</td></tr>"))
                .body(containsString("<td>present</td>"))
                .body(containsString("<li id=\"relay-" + MeetingServiceStandIn.CHEN_RELAY + "\">lena relays it to chen"));
    }

    @Test
    void theSupervisorAcknowledgesTheirRelay() {
        String lena = SignInTest.signIn("lena", "cs-lead");
        String relay = MeetingServiceStandIn.CHEN_RELAY;
        given().cookie(SignedIn.COOKIE, lena).when().get(DISCUSSION).then()
                .statusCode(200)
                .body(containsString("<h2 id=\"my-relays-heading\">My relays to acknowledge</h2>"))
                .body(containsString("id=\"acknowledge-" + relay + "\">Acknowledge the relay to chen</button>"));
        given().redirects().follow(false).cookie(SignedIn.COOKIE, lena)
                .formParam("note", "Walked chen through it on a call").formParam("version", "1")
                .when().post(DISCUSSION + "/relays/" + relay + "/acknowledgement").then()
                .statusCode(303)
                .header("Location", endsWith(DISCUSSION + "#relays"));
        given().cookie(SignedIn.COOKIE, lena).when().get(DISCUSSION).then()
                .statusCode(200)
                .body(not(containsString("id=\"acknowledge-" + relay + "\"")))
                .body(containsString("<span class=\"passed\">relayed</span>"))
                .body(containsString(", \"Walked chen through it on a call\""));
    }

    @Test
    void nobodyButTheSupervisorIsOfferedTheAcknowledgementAndARefusalIsShownInWords() {
        String ali = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, ali).when().get(TRAINING).then()
                .statusCode(200)
                .body(containsString("Nothing to acknowledge"))
                .body(not(containsString("id=\"acknowledge-")));
        given().cookie(SignedIn.COOKIE, ali).formParam("note", "").formParam("version", "1")
                .when().post(TRAINING + "/relays/" + MeetingServiceStandIn.BO_RELAY + "/acknowledgement").then()
                .statusCode(422)
                .body(containsString("role=\"alert\""))
                .body(containsString("Meeting-service refused: Only the supervisor may acknowledge. This relay is "
                        + "lena&#39;s, not ali&#39;s."));
    }

    @Test
    void aNoteMeetingServiceRefusesIsNamedNextToTheNoteAndKept() {
        String lena = SignInTest.signIn("lena", "cs-lead");
        String note = "x".repeat(2001);
        given().cookie(SignedIn.COOKIE, lena).formParam("note", note).formParam("version", "1")
                .when().post(TRAINING + "/relays/" + MeetingServiceStandIn.BO_RELAY + "/acknowledgement").then()
                .statusCode(422)
                .body(containsString("<p class=\"field-problem\" id=\"note-problem\">size must be between 0 and 2000</p>"))
                .body(containsString("aria-describedby=\"note-problem\">" + note + "</textarea>"))
                .body(containsString("Meeting-service refused: The request is invalid. 1 field(s) are invalid."));
    }

    @Test
    void theMeetingsPageListsTheMeetingsAndEveryRelayTheViewerStillOwes() {
        String lena = SignInTest.signIn("lena", "cs-lead");
        given().cookie(SignedIn.COOKIE, lena).when().get("/meetings").then()
                .statusCode(200)
                .body(containsString("<a href=\"/meetings\" id=\"nav-meetings\">"))
                .body(containsString("<strong>Refund escalation: discussion</strong>"))
                .body(containsString("<strong>Refund escalation: training</strong>"))
                .body(containsString("id=\"acknowledge-" + MeetingServiceStandIn.BO_RELAY
                        + "\">Acknowledge the relay to bo</button>"));
    }
}

package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private static final String SECOND_SESSION = "/meetings/" + MeetingServiceStandIn.SECOND_SESSION;
    private static final String[] HOST_ACTIONS = { "id=\"start-meeting\"", "id=\"advance-agenda\"",
            "id=\"park-proposal-button\"", "id=\"record-attendance\"", "id=\"conclude-meeting\"" };

    @ConfigProperty(name = "console-test.meeting-service")
    String meetingService;

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

    @Test
    void theHostIsOfferedWhatTheMeetingsStateAllowsAndAnAttendeeNothing() {
        String lena = SignInTest.signIn("lena", "cs-lead");
        String running = given().cookie(SignedIn.COOKIE, lena).when().get(DISCUSSION).then().statusCode(200)
                .extract().asString();
        assertThat(running).contains("<h2 id=\"host-actions-heading\">Run the meeting</h2>",
                "id=\"advance-agenda\">End “Everyone reads the material” and start the next item</button>",
                "id=\"park-proposal-button\"", "id=\"record-attendance\"", "id=\"conclude-meeting\"",
                "<input type=\"checkbox\" name=\"present\" value=\"ali\" id=\"present-ali\"\n        checked>",
                "<input type=\"checkbox\" name=\"present\" value=\"chen\" id=\"present-chen\"\n        >")
                .doesNotContain("id=\"start-meeting\"");
        String scheduled = given().cookie(SignedIn.COOKIE, lena).when().get(SECOND_SESSION).then().statusCode(200)
                .extract().asString();
        assertThat(scheduled).contains("id=\"start-meeting\">Start the meeting</button>", "id=\"record-attendance\"")
                .doesNotContain("id=\"advance-agenda\"", "id=\"park-proposal-button\"", "id=\"conclude-meeting\"");
        String concluded = given().cookie(SignedIn.COOKIE, lena).when().get(TRAINING).then().statusCode(200)
                .extract().asString();
        assertThat(concluded).doesNotContain("id=\"host-actions\"").doesNotContain(HOST_ACTIONS);

        String attendee = given().cookie(SignedIn.COOKIE, SignInTest.signIn("ali", "cs-agent")).when().get(DISCUSSION)
                .then().statusCode(200).extract().asString();
        assertThat(attendee).doesNotContain("id=\"host-actions\"").doesNotContain(HOST_ACTIONS);
        String admin = given().cookie(SignedIn.COOKIE, SignInTest.signIn("ada", "admin")).when().get(DISCUSSION)
                .then().statusCode(200).extract().asString();
        assertThat(admin).as("meeting-service lets an admin run any meeting").contains("id=\"advance-agenda\"");
    }

    @Test
    void eachHostActionCallsMeetingServiceWithTheHostsTokenTheRevisionAndTheBody() throws Exception {
        String lena = SignInTest.signIn("lena", "cs-lead");
        given().redirects().follow(false).cookie(SignedIn.COOKIE, lena).formParam("version", "1")
                .when().post(SECOND_SESSION + "/start").then()
                .statusCode(303).header("Location", endsWith(SECOND_SESSION + "#host-actions"));
        assertThat(lastChange()).containsEntry("method", "POST")
                .containsEntry("path", SECOND_SESSION + "/start").containsEntry("ifMatch", "\"1\"")
                .containsEntry("authorization", "Bearer " + lena);

        given().redirects().follow(false).cookie(SignedIn.COOKIE, lena).formParam("version", "3")
                .when().post(DISCUSSION + "/agenda/advance").then().statusCode(303);
        assertThat(lastChange()).containsEntry("method", "POST")
                .containsEntry("path", DISCUSSION + "/agenda/advance").containsEntry("ifMatch", "\"3\"")
                .containsEntry("authorization", "Bearer " + lena);

        given().redirects().follow(false).cookie(SignedIn.COOKIE, lena).formParam("proposedBy", "bo")
                .formParam("proposal", " A refund bot for the fee question ").when().post(DISCUSSION + "/parking-lot")
                .then().statusCode(303);
        Map<String, String> parked = lastChange();
        assertThat(parked).containsEntry("method", "POST").containsEntry("path", DISCUSSION + "/parking-lot")
                .containsEntry("authorization", "Bearer " + lena);
        assertThat(ServiceStandIn.JSON.readValue(parked.get("body"), Map.class))
                .isEqualTo(Map.of("proposedBy", "bo", "proposal", "A refund bot for the fee question"));

        given().redirects().follow(false).cookie(SignedIn.COOKIE, lena).formParam("version", "3")
                .formParam("present", "ali").formParam("present", "chen").when().post(DISCUSSION + "/attendance")
                .then().statusCode(303);
        Map<String, String> attendance = lastChange();
        assertThat(attendance).containsEntry("method", "PUT").containsEntry("path", DISCUSSION + "/attendance")
                .containsEntry("ifMatch", "\"3\"");
        assertThat(ServiceStandIn.JSON.readValue(attendance.get("body"), Map.class))
                .isEqualTo(Map.of("present", List.of("ali", "chen")));

        given().redirects().follow(false).cookie(SignedIn.COOKIE, lena).formParam("version", "3")
                .formParam("decisions", "Refunds under 10 EUR skip the escalation\n\n  The bot goes to the parking lot \n")
                .when().post(DISCUSSION + "/conclusion").then().statusCode(303);
        Map<String, String> conclusion = lastChange();
        assertThat(conclusion).containsEntry("method", "POST").containsEntry("path", DISCUSSION + "/conclusion")
                .containsEntry("ifMatch", "\"3\"");
        assertThat(ServiceStandIn.JSON.readValue(conclusion.get("body"), Map.class)).isEqualTo(Map.of(
                "decisions", List.of("Refunds under 10 EUR skip the escalation",
                        "The bot goes to the parking lot"), "feedback", List.of()));
    }

    @Test
    void aHostActionMeetingServiceRefusesIsShownInWordsAtTheAction() {
        String lena = SignInTest.signIn("lena", "cs-lead");
        String stale = given().cookie(SignedIn.COOKIE, lena).formParam("version", "2")
                .when().post(DISCUSSION + "/agenda/advance").then().statusCode(422).extract().asString();
        assertThat(stale).contains("<div class=\"problem\" role=\"alert\" id=\"advance-problem\">\n  <p>Meeting-service "
                + "refused: Changed a stale revision. You changed revision &quot;2&quot; of meeting "
                + MeetingServiceStandIn.DISCUSSION + ", but it is now at 3; reload it and apply your change again.</p>")
                .doesNotContain("\"status\"");
        assertThat(stale.indexOf("id=\"advance-problem\"")).as("at the action, not at the top of the page")
                .isGreaterThan(stale.indexOf("id=\"advance-agenda\""));

        given().cookie(SignedIn.COOKIE, lena).formParam("proposedBy", "bo").formParam("proposal", "  ")
                .when().post(DISCUSSION + "/parking-lot").then()
                .statusCode(422)
                .body(containsString("<p class=\"field-problem\" id=\"proposal-problem\">must not be blank</p>"))
                .body(containsString("name=\"proposedBy\" list=\"park-people\" value=\"bo\""))
                .body(containsString("id=\"park-problem\">\n  <p>Meeting-service refused: The request is invalid."));

        given().cookie(SignedIn.COOKIE, lena).formParam("version", "3").formParam("present", "zoe")
                .when().post(DISCUSSION + "/attendance").then()
                .statusCode(422)
                .body(containsString("<p class=\"field-problem\">present[0] zoe is not invited</p>"));

        given().cookie(SignedIn.COOKIE, SignInTest.signIn("ali", "cs-agent")).formParam("version", "3")
                .when().post(DISCUSSION + "/agenda/advance").then()
                .statusCode(422)
                .body(containsString("<div class=\"problem\" role=\"alert\" id=\"problem\">\n  <p>Meeting-service refused: "
                        + "Only the host may do this. ali is not the host (lena).</p>"))
                .body(not(containsString("id=\"advance-agenda\"")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> lastChange() {
        return given().baseUri(meetingService).when().get("/recorded/change").then().statusCode(200).extract()
                .as(Map.class);
    }
}

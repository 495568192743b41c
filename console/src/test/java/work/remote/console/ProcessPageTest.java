package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.signin.SignedIn;

/** The process page against a process-service stand-in with a rolled-out process whose draft is not yet valid. */
@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class ProcessPageTest {

    private static final String PROCESS = "/processes/" + ProcessServiceStandIn.PROCESS;
    private static final String ROLLOUT = ProcessServiceStandIn.ROLLOUT;

    @ConfigProperty(name = "console-test.process-service")
    String processService;

    @Test
    void theProcessesAreListedAndLinkedFromTheNavigation() {
        String token = SignInTest.signIn("paula", "product");
        given().cookie(SignedIn.COOKIE, token).when().get("/processes").then()
                .statusCode(200)
                .body(containsString("<a href=\"/processes\" id=\"nav-processes\">"))
                .body(containsString("<a href=\"" + PROCESS + "\" id=\"process-" + ProcessServiceStandIn.PROCESS
                        + "\"><strong>Refund escalation</strong></a>"))
                .body(containsString("version 2 published"));
    }

    @Test
    void thePageShowsTheFlowchartTheConsoleFetchesWithTheViewersToken() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token).when().get(PROCESS).then()
                .statusCode(200)
                .body(containsString("<img src=\"" + PROCESS + "/flowchart.svg\" id=\"flowchart-image\""))
                .body(containsString("alt=\"Flowchart of Refund escalation, the open draft"));
        given().cookie(SignedIn.COOKIE, token).when().get(PROCESS + "/flowchart.svg").then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("<text x=\"10\" y=\"30\">Escalate the refund ticket</text>"));
        given().baseUri(processService).when().get("/recorded/authorization").then()
                .body(equalTo("Bearer " + token));
    }

    @Test
    void theOutlineComesWithTheValidationReportInWords() {
        String token = SignInTest.signIn("paula", "product");
        given().cookie(SignedIn.COOKIE, token).when().get(PROCESS).then()
                .statusCode(200)
                .body(containsString("<dt>Why</dt><dd>Refunds stuck for days lose users</dd>"))
                .body(containsString("<dt>When</dt><dd>Not written yet</dd>"))
                .body(containsString("The draft cannot be published yet:"))
                .body(containsString("<li>outline.when: must not be blank</li>"))
                .body(containsString("<li>Step follow-up: step &#39;follow-up&#39; cannot be reached from the start</li>"));
    }

    @Test
    void eachRoleHasItsDutiesAndTheVersionsTheirDiffAndTheRehearsalsAreShown() {
        String token = SignInTest.signIn("lena", "cs-lead");
        String page = given().cookie(SignedIn.COOKIE, token).when().get(PROCESS).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("<h3>cs-agent (customer support)</h3>", "<strong>Check:</strong> Name the #product channel",
                "Passes on: to product (escalate to decide)", "<h3>product (product)</h3>",
                "Receives: from cs-agent (escalate to decide)");
        assertThat(page).contains("<strong>Version 1</strong>", "<strong>Version 2</strong>", "Says where to escalate",
                "What changed from version 1 to version 2",
                "outline.where: \"the refund ticket\" became \"the refund ticket, then #product\"",
                "Step changed: escalate, \"Escalate the refund ticket\" (cs-agent) became "
                        + "\"Escalate the refund ticket to #product\" (cs-agent)",
                "Key point added at decide: Decided within one working day");
        assertThat(page).contains("walked by paula, ali", "clears publication",
                "found: ali did not know whom to escalate to; resolved by paula");
    }

    @Test
    void aDiffProcessServiceCannotMakeIsShownInWords() {
        String token = SignInTest.signIn("lena", "cs-lead");
        given().cookie(SignedIn.COOKIE, token).queryParam("from", 1).queryParam("to", 3).when().get(PROCESS).then()
                .statusCode(200)
                .body(containsString("What changed from version 1 to version 3"))
                .body(containsString("Process-service refused: Not Found. Process has versions 1 and 2 only."))
                .body(not(containsString("\"violations\"")));
    }

    @Test
    void aParticipantTicksALineOfTheirChecklist() {
        String token = SignInTest.signIn("chen", "cs-agent");
        String page = given().cookie(SignedIn.COOKIE, token).when().get(PROCESS).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("<h2 id=\"my-checklist-heading\">My checklist</h2>",
                "<strong>Key point:</strong> Tell the user the decision within one working day",
                "id=\"tick-" + ROLLOUT + "-0\"");
        given().redirects().follow(false).cookie(SignedIn.COOKIE, token).formParam("revision", revision(page))
                .when().post(PROCESS + "/rollouts/" + ROLLOUT + "/checklist/lines/0/tick").then()
                .statusCode(303)
                .header("Location", endsWith(PROCESS + "#my-checklist"));
        String ticked = given().cookie(SignedIn.COOKIE, token).when().get(PROCESS).then().statusCode(200).extract()
                .asString();
        assertThat(ticked).doesNotContain("id=\"tick-" + ROLLOUT + "-0\"").contains("id=\"tick-" + ROLLOUT + "-1\"");
        assertThat(ticked).containsPattern("(?s)id=\"line-" + ROLLOUT + "-0\">\\s*Escalate the refund ticket\\s*"
                + "<span class=\"passed\">Done</span>");
    }

    @Test
    void aTickProcessServiceRefusesShowsItsProblemInWordsAtTheChecklist() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token).formParam("revision", "0")
                .when().post(PROCESS + "/rollouts/" + ROLLOUT + "/checklist/lines/1/tick").then()
                .statusCode(422)
                .body(containsString("<div class=\"problem\" role=\"alert\" id=\"checklist-problem\">"))
                .body(containsString("Process-service refused: Changed a stale revision. You changed revision 0 of "
                        + "the checklist of ali, but it is now at"))
                .body(containsString("id=\"tick-" + ROLLOUT + "-1\""))
                .body(not(containsString("application/problem+json")));
    }

    @Test
    void someoneNoRolloutNamesHasNoChecklistToTick() {
        String token = SignInTest.signIn("bo", "cs-agent");
        given().cookie(SignedIn.COOKIE, token).when().get(PROCESS).then()
                .statusCode(200)
                .body(containsString("No rollout of this process names you"))
                .body(not(containsString("id=\"tick-")));
    }

    private static String revision(String page) {
        Matcher revision = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(page);
        assertThat(revision.find()).as("the checklist's revision in the page").isTrue();
        return revision.group(1);
    }
}

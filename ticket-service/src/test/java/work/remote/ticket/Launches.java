package work.remote.ticket;

import static io.restassured.RestAssured.given;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.ticket.Gate;

/** Drives launches through the API as the people of the DESIGN.md case: product owner, CS lead, two agents. */
final class Launches {

    static final String PRODUCT = "paula";
    static final String LEAD = "lena";
    static final List<String> AGENTS = List.of("ali", "bo");

    static final String FULL_KIT = """
            {"launchTime": "Tuesday 1 December, 09:00 Europe/Berlin",
             "duringAndAfterLaunch": "Withdrawals may be slow for 10 minutes while we deploy; afterwards they arrive in seconds",
             "expectedQuestions": [{"question": "Why is my withdrawal still pending?",
                                    "answer": "Instant withdrawals apply to new requests from 09:00"}],
             "backOfficeOperations": [{"operation": "Re-send a stuck withdrawal", "whoMayPerform": "CS lead",
                                       "how": "Back office > Withdrawals > Retry, after checking the ledger"}],
             "reportingTechnicalProblems": "Open a BUG under the parent feedback ticket and post its link in the channel"}
            """;

    private Launches() {
    }

    static RequestSpecification as(String person, String role) {
        return given().auth().oauth2(RemoteWorkTestResource.tokens().token(person, role))
                .contentType(ContentType.JSON);
    }

    static String plan(String feature) {
        return plan(feature, AGENTS);
    }

    /** Plans a launch whose CS agents are the people with the ids {@code agents}. */
    static String plan(String feature, List<String> agents) {
        return as(PRODUCT, "product").body("""
                {"feature": "%s", "plannedLaunchAt": "%s", "timeZone": "Europe/Berlin", "productOwner": "%s",
                 "csLead": "%s", "csAgents": %s, "csChannel": "#cs-launch-instant-withdrawals",
                 "rulesDocumentLink": "https://docs.remote.work/rules/instant-withdrawals"}
                """.formatted(feature, LocalDateTime.now().plusDays(7).withNano(0), PRODUCT, LEAD, json(agents)))
                .post("/launches").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse confirmFinalRound(String id) {
        return as(PRODUCT, "product").post("/launches/" + id + "/final-round").then();
    }

    static ValidatableResponse takePart(String id, String person, String role, String... questions) {
        return as(person, role).body("{\"userQuestions\": " + json(List.of(questions)) + "}")
                .post("/launches/" + id + "/onboarding").then();
    }

    static ValidatableResponse saveKit(String id, String kit) {
        return as(PRODUCT, "product").body(kit).put("/launches/" + id + "/training-kit").then();
    }

    static ValidatableResponse recordTraining(String id, List<String> attendees, List<String> absentees) {
        return as(LEAD, "cs-lead").body("{\"attendees\": " + json(attendees) + ", \"absentees\": " + json(absentees) + "}")
                .post("/launches/" + id + "/trainings").then();
    }

    static ValidatableResponse relay(String id, String person) {
        return as(LEAD, "cs-lead").body("{\"person\": \"" + person + "\"}").post("/launches/" + id + "/relays").then();
    }

    static ValidatableResponse start(String id) {
        return as(PRODUCT, "product").body("{}").post("/launches/" + id + "/start").then();
    }

    /** Plans a launch and passes every gate but {@code open} (none when null). */
    static String preparedExcept(String feature, Gate open) {
        String id = plan(feature);
        if (open != Gate.FINAL_ROUND_CONFIRMED) {
            confirmFinalRound(id).statusCode(200);
            if (open != Gate.ONBOARDING_ATTENDED) {
                takePart(id, LEAD, "cs-lead").statusCode(200);
                AGENTS.forEach(agent -> takePart(id, agent, "cs-agent", "Is there a fee?").statusCode(200));
            }
        }
        if (open != Gate.TRAINING_KIT_COMPLETE) {
            saveKit(id, FULL_KIT).statusCode(200);
        }
        if (open != Gate.TRAINING_DELIVERED) {
            recordTraining(id, List.of(LEAD, AGENTS.get(0)), List.of(AGENTS.get(1))).statusCode(200);
            relay(id, AGENTS.get(1)).statusCode(200);
        }
        return id;
    }

    static String live(String feature) {
        String id = preparedExcept(feature, null);
        start(id).statusCode(200);
        return id;
    }

    private static String json(List<String> people) {
        return people.stream().map(person -> "\"" + person + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}

package work.remote.ticket.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.ticket.Launch;
import work.remote.ticket.SeededExampleProfile;
import work.remote.ticket.TicketTestResource;

@QuarkusTest
@TestProfile(SeededExampleProfile.class)
@WithTestResource(TicketTestResource.class)
class ExampleLaunchTest {

    @Inject
    ExampleLaunch example;

    @Test
    void theSeededLaunchWalksTheDesignCaseToLiveWithACriticalMoneyIssue() {
        Launch launch = Launch.find("feature", ExampleLaunch.FEATURE).firstResult();
        String token = RemoteWorkTestResource.tokens().token("someone", "cs-agent");

        given().auth().oauth2(token).get("/launches/" + launch.id).then().statusCode(200)
                .body("state", equalTo("LIVE"))
                .body("gates.passed", everyItem(equalTo(true)))
                .body("training.find { it.outcome == 'RELAYED' }.person", equalTo("chen"));
        given().auth().oauth2(token).get("/launches/" + launch.id + "/feedback").then().statusCode(200)
                .body("tickets", equalTo(2))
                .body("openCritical", hasSize(1))
                .body("openCritical[0].title", equalTo("Withdrawal stuck for user 42"));
        given().auth().oauth2(token).get("/launches/" + launch.id + "/status-posts").then().body("items.phase",
                hasSize(1));
    }

    @Test
    void seedingAgainLeavesTheExampleAsItIs() {
        example.onStart(null);
        assertThat(Launch.count("feature", ExampleLaunch.FEATURE)).isEqualTo(1);
    }
}

package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static work.remote.process.Api.as;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.process.service.ExampleSeed;

@QuarkusTest
@TestProfile(SeedExampleProfile.class)
@WithTestResource(RemoteWorkTestResource.class)
class ExampleSeedTest {

    static final String TITLE = "How a new feature launch is coordinated between product and customer support";

    @Inject
    ExampleSeed seed;

    private static String seededId() {
        return QuarkusTransaction.requiringNew().call(() -> Process.findByKey("feature-launch").id.toString());
    }

    @Test
    void theSeededFeatureLaunchExampleIsPublishedAsVersionOne() {
        String id = seededId();
        as("cs-agent").when().get("/processes/{id}", id).then().statusCode(200)
                .body("title", equalTo(TITLE))
                .body("status", equalTo("PUBLISHED"))
                .body("latestVersion", equalTo(1))
                .body("draft", nullValue());
        as("cs-agent").when().get("/processes/{id}/versions/1", id).then().statusCode(200)
                .body("definition.roles.name", equalTo(List.of("product", "cs-lead", "cs-agent")))
                .body("definition.steps", hasSize(16))
                .body("definition.keyPoints", hasSize(8));
    }

    @Test
    void theSeededExampleWasRehearsedStepByStepThroughTheSameCallsBeforeItWasPublished() {
        String id = seededId();
        List<String> steps = seed.example().definition().steps().stream().map(Step::id).toList();
        String rehearsal = as("cs-agent").when().get("/processes/{id}/rehearsals", id).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].forVersion", equalTo(1))
                .body("items[0].walkedBy", equalTo(List.of("process-service-seed")))
                .body("items[0].steps.stepId", equalTo(steps))
                .body("items[0].stepsNotWalked", hasSize(0))
                .body("items[0].clearsPublication", equalTo(true))
                .extract().path("items[0].id");
        as("cs-agent").when().get("/processes/{id}/versions/1", id).then().statusCode(200)
                .body("rehearsalId", equalTo(rehearsal))
                .body("withoutRehearsalReason", nullValue());
    }

    @Test
    void theSeededExamplePassesValidationAndIsNotSeededTwice() {
        var example = seed.example();
        assertThat(work.remote.process.flow.ValidationReport.of(example.definition()).problems()).isEmpty();
        assertThat(seed.seed().number).isEqualTo(1);
        long count = QuarkusTransaction.requiringNew().call(() -> Process.count("key", "feature-launch"));
        assertThat(count).isEqualTo(1);
    }

    @Test
    void theSeededExampleCanBeRolledOutToTheLaunchTeam() {
        String id = seededId();
        String rollout = Api.rolledOut(id, List.of(Api.participant("lin", "cs-lead", null),
                Api.participant("ari", "cs-agent", "lin"), Api.participant("pat", "product", null)));
        as("ops").when().get("/rollouts/{id}", rollout).then().statusCode(200)
                .body("people.person", equalTo(List.of("ari", "lin", "pat")))
                .body("keyPoints", hasSize(8));
    }
}

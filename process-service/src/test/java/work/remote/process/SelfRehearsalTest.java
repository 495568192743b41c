package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static work.remote.process.Api.as;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.process.ProcessPublished;
import work.remote.process.rest.DraftRequest;

/**
 * The playbook's Plan step: draw the flowchart, then walk it yourself once before anyone else sees it. Publishing
 * version N needs a rehearsal of that draft, recorded after its last edit, that walked every step, with every finding
 * resolved or waived; an admin may publish without one, giving a reason that is kept.
 */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class SelfRehearsalTest {

    @Inject
    EntityManager entityManager;

    private static Map<String, Object> walked(String... steps) {
        return Map.of("walkedBy", List.of("someone-product"),
                "steps", List.of(steps).stream().map(step -> Map.of("stepId", step)).toList());
    }

    private static String rehearse(String id, Object walkthrough) {
        return as("product").body(walkthrough).when().post("/processes/{id}/rehearsals", id).then().statusCode(201)
                .extract().path("id");
    }

    private static void nothingPublished(String id) {
        as("product").when().get("/processes/{id}/versions", id).then().statusCode(200).body("total", equalTo(0));
        as("product").when().get("/processes/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void publishingADraftThatWasNeverRehearsedIsRefused() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));

        Api.publish(id, "First version").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("never-rehearsed"))
                .body("detail", containsString("version 1"))
                .body("violations.field", equalTo(List.of("rehearsal")))
                .body("violations[0].message", containsString("no rehearsal"));
        nothingPublished(id);
    }

    @Test
    void aRehearsalRecordedBeforeTheDraftsLastEditDoesNotCount() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        String before = Api.rehearsed(id);
        as("product").header("If-Match", Api.revision(id)).body(Drafts.withTitle(draft, "Document review, shorter"))
                .when().put("/processes/{id}/draft", id).then().statusCode(200);

        Api.publish(id, "First version").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("rehearsed-before-last-edit"))
                .body("detail", containsString(before))
                .body("violations[0].message", containsString("before the draft's last edit"));
        nothingPublished(id);

        String after = Api.rehearsed(id);
        Api.publish(id, "First version").statusCode(201).body("rehearsalId", equalTo(after));
    }

    @Test
    void aRehearsalThatDidNotWalkEveryStepIsRefusedNamingTheStepsNotWalked() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        String rehearsal = rehearse(id, walked("draft", "review", "approve"));
        as("cs-agent").when().get("/processes/{id}/rehearsals/{r}", id, rehearsal).then().statusCode(200)
                .body("stepsNotWalked", equalTo(List.of("rework")))
                .body("clearsPublication", equalTo(false));

        Api.publish(id, "First version").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("rehearsal-steps-not-walked"))
                .body("detail", containsString("did not walk 1 step(s): rework"))
                .body("violations.field", equalTo(List.of("rehearsal.steps")))
                .body("violations[0].message", equalTo("step 'rework' was not walked"));
        nothingPublished(id);

        rehearse(id, walked("draft", "review", "rework", "review", "approve"));
        Api.publish(id, "First version").statusCode(201);
    }

    @Test
    void openFindingsAreNamedAndRefusedUntilResolvedOrWaived() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        String rehearsal = rehearse(id, Map.of("walkedBy", List.of("someone-product"), "steps", List.of(
                Map.of("stepId", "draft"),
                Map.of("stepId", "review", "problem", "The reviewer did not know where the draft was"),
                Map.of("stepId", "rework"),
                Map.of("stepId", "approve", "problem", "Nobody knew where to share it"))));

        Api.publish(id, "First version").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("rehearsal-findings-open"))
                .body("detail", containsString("2 open finding(s) at review, approve"))
                .body("violations.field", equalTo(List.of("rehearsal.steps[1]", "rehearsal.steps[3]")))
                .body("violations.message", equalTo(List.of(
                        "finding at step 'review' is open: The reviewer did not know where the draft was",
                        "finding at step 'approve' is open: Nobody knew where to share it")));

        as("product").body(Map.of("resolution", "The review request links the draft")).when()
                .post("/processes/{id}/rehearsals/{r}/steps/1/resolution", id, rehearsal).then().statusCode(200);
        Api.publish(id, "First version").statusCode(409)
                .body("violations.field", equalTo(List.of("rehearsal.steps[3]")));

        as("product").body(Map.of("reason", "Sharing is the drive's own feature")).when()
                .post("/processes/{id}/rehearsals/{r}/waiver", id, rehearsal).then().statusCode(200);
        Api.publish(id, "First version").statusCode(201).body("rehearsalId", equalTo(rehearsal));
    }

    @Test
    void aRehearsalOfAnEarlierVersionsDraftDoesNotCountForTheNextVersion() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        as("product").body(Map.of("changeSummary", "Shorter reviews")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200);

        Api.publish(id, "Shorter reviews").statusCode(409)
                .body("type", containsString("never-rehearsed"))
                .body("detail", containsString("version 2"));

        Api.rehearsed(id);
        Api.publish(id, "Shorter reviews").statusCode(201).body("version", equalTo(2));
    }

    @Test
    void aRehearsedVersionNamesItsRehearsalAndIsAnnouncedWithoutAReason() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        String rehearsal = Api.rehearsed(id);

        Api.publish(id, "First version").statusCode(201)
                .body("rehearsalId", equalTo(rehearsal))
                .body("withoutRehearsalReason", nullValue());
        assertThat(Outboxed.events(entityManager, id, ProcessPublished.class)).singleElement()
                .satisfies(published -> assertThat(published.withoutRehearsalReason()).isNull());
    }

    @Test
    void anAdminMayPublishWithoutARehearsalGivingAReasonTheVersionAndProcessPublishedKeep() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        String reason = "Walked it with CS on the incident call; the fix cannot wait for a rehearsal";

        as("admin").body(Map.of("changeSummary", "First version", "withoutRehearsalReason", reason)).when()
                .post("/processes/{id}/versions", id).then().statusCode(201)
                .body("version", equalTo(1))
                .body("withoutRehearsalReason", equalTo(reason))
                .body("rehearsalId", nullValue());
        as("cs-agent").when().get("/processes/{id}/versions", id).then().statusCode(200)
                .body("items.withoutRehearsalReason", equalTo(List.of(reason)));
        assertThat(Outboxed.events(entityManager, id, ProcessPublished.class)).singleElement()
                .satisfies(published -> {
                    assertThat(published.withoutRehearsalReason()).isEqualTo(reason);
                    assertThat(published.publishedBy()).isEqualTo("someone-admin");
                });
    }

    @Test
    void aNonAdminGivingAReasonIsStillRefused() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));

        as("product").body(Map.of("changeSummary", "First version", "withoutRehearsalReason", "No time")).when()
                .post("/processes/{id}/versions", id).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("publishing-without-rehearsal-needs-admin"));
        nothingPublished(id);
    }

    @Test
    void anEmptyReasonToPublishWithoutARehearsalIsRefusedNamingTheField() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));

        as("admin").body(Map.of("changeSummary", "First version", "withoutRehearsalReason", " ")).when()
                .post("/processes/{id}/versions", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("withoutRehearsalReason")));
        nothingPublished(id);
    }
}

package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static work.remote.process.Api.as;
import static work.remote.process.Api.asPerson;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.process.rest.DraftRequest;

@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ProcessResourceTest {

    @Inject
    EntityManager entityManager;

    @Test
    void creatingADraftAnswersWithItAndItsRevisionAsETag() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String etag = Api.create(draft).statusCode(201)
                .header("Location", containsString("/processes/"))
                .header("ETag", notNullValue())
                .body("key", equalTo(draft.key()))
                .body("status", equalTo("DRAFT"))
                .body("latestVersion", nullValue())
                .body("draft.steps.id", equalTo(List.of("draft", "review", "approve", "rework")))
                .body("draft.steps[1].next", equalTo(List.of("approve", "rework")))
                .body("draft.keyPoints[0].check", equalTo("Every section was read, not skimmed"))
                .body("createdBy", equalTo("someone-product"))
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
    }

    @Test
    void theOwnersNameIsKeptBesideTheirIdAndFollowsARename() {
        DraftRequest draft = Drafts.withOwner(Drafts.review(Drafts.uniqueKey("review")), "u-olga");
        var created = asPerson("u-olga", "Olga", "product").body(draft).when().post("/processes").then()
                .statusCode(201).body("owner", equalTo("u-olga")).body("ownerName", equalTo("Olga"))
                .body("createdBy", equalTo("u-olga")).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        etag = asPerson("u-impostor", "Olga Married-Name", "product").header("If-Match", etag)
                .body(Drafts.withTitle(draft, "Edited by someone else")).when().put("/processes/{id}/draft", id)
                .then().statusCode(200).body("ownerName", equalTo("Olga")).extract().header("ETag");
        etag = asPerson("u-olga", "Olga Married-Name", "product").header("If-Match", etag)
                .body(Drafts.withTitle(draft, "Edited by the owner")).when().put("/processes/{id}/draft", id)
                .then().statusCode(200).body("owner", equalTo("u-olga")).body("ownerName", equalTo("Olga Married-Name"))
                .extract().header("ETag");
        asPerson("u-olga", "Olga Married-Name", "product").header("If-Match", etag)
                .body(Drafts.withOwner(draft, "u-piet")).when().put("/processes/{id}/draft", id)
                .then().statusCode(200).body("owner", equalTo("u-piet")).body("ownerName", nullValue());
    }

    @Test
    void aDraftWithInvalidFieldsIsRefusedNamingEachField() {
        DraftRequest bad = new DraftRequest("Not A Key", "", "owner", null, null,
                List.of(new Step("Bad Id", "", "author", null, List.of(), true)), null);
        Api.create(bad).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("key", "title", "steps[0].id", "steps[0].title"));
    }

    @Test
    void aSecondProcessWithTheSameKeyIsAConflict() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        Api.created(draft);
        Api.create(draft).statusCode(409).body("type", containsString("duplicate-key"));
    }

    @Test
    void editingWithAStaleRevisionIsAConflict() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        String first = Api.revision(id);
        String second = as("product").header("If-Match", first).body(Drafts.withTitle(draft, "Review, take two"))
                .when().put("/processes/{id}/draft", id).then().statusCode(200)
                .body("title", equalTo("Review, take two")).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);

        as("admin").header("If-Match", first).body(Drafts.withTitle(draft, "Lost update")).when()
                .put("/processes/{id}/draft", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("stale-revision"));
        as("product").when().get("/processes/{id}", id).then().body("title", equalTo("Review, take two"));
    }

    @Test
    void editingWithoutIfMatchIsRefused() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        as("product").body(draft).when().put("/processes/{id}/draft", id).then().statusCode(428)
                .body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void theKeyOfAProcessCannotChange() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        as("product").header("If-Match", Api.revision(id)).body(Drafts.review(Drafts.uniqueKey("other"))).when()
                .put("/processes/{id}/draft", id).then().statusCode(400)
                .body("violations[0].field", equalTo("key"));
    }

    @Test
    void theValidationReportListsEveryProblemOfTheDraftNamingItsFieldOrStep() {
        DraftRequest draft = Drafts.withSteps(Drafts.review(Drafts.uniqueKey("review")), steps -> {
            steps.set(0, new Step("draft", "Write", null, null, List.of("review", "nowhere"), false));
            steps.add(new Step("orphan", "Orphan", "author", null, List.of(), false));
            return steps;
        });
        String id = Api.created(Drafts.withOutline(draft, new Outline(null, "w", "w", "w", "w", "w")));
        as("cs-agent").when().get("/processes/{id}/validation", id).then().statusCode(200)
                .body("clean", equalTo(false))
                .body("problems.kind", hasItems("MISSING_OUTLINE_FIELD", "STEP_WITHOUT_ROLE", "UNKNOWN_TRANSITION",
                        "UNREACHABLE_STEP", "NEVER_REACHES_END"))
                .body("problems.field", hasItems("outline.why", "steps[0].role", "steps[0].next[1]", "steps[4]"))
                .body("problems.stepId", hasItem("orphan"));
    }

    @Test
    void publishingIsRefusedWhileTheValidationReportIsNotClean() {
        DraftRequest draft = Drafts.withOutline(Drafts.review(Drafts.uniqueKey("review")),
                new Outline("why", null, "who", "when", "where", "how"));
        String id = Api.created(draft);
        Api.publish(id, "First version").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("draft-invalid"))
                .body("violations.field", equalTo(List.of("outline.what")));
        as("product").when().get("/processes/{id}/versions", id).then().body("total", equalTo(0));
        as("product").when().get("/processes/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void publishingACleanDraftCreatesVersionOneAndClosesTheDraft() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        Api.rehearsed(id);
        Api.publish(id, "First version").statusCode(201)
                .header("Location", containsString("/processes/" + id + "/versions/1"))
                .body("version", equalTo(1))
                .body("changeSummary", equalTo("First version"))
                .body("publishedBy", equalTo("someone-product"))
                .body("definition.steps", hasSize(4));
        as("ops").when().get("/processes/{id}", id).then()
                .body("status", equalTo("PUBLISHED"))
                .body("latestVersion", equalTo(1))
                .body("draft", nullValue());
        Api.publish(id, "Again").statusCode(409).body("type", containsString("no-draft"));
    }

    @Test
    void aFirstVersionNeedsAChangeSummary() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        as("product").body(Map.of("changeSummary", " ")).when().post("/processes/{id}/versions", id).then()
                .statusCode(400).body("violations[0].field", equalTo("changeSummary"));
    }

    @Test
    void publishedVersionsAreImmutable() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.published(draft);
        as("product").header("If-Match", Api.revision(id)).body(Drafts.withTitle(draft, "Changed in place")).when()
                .put("/processes/{id}/draft", id).then().statusCode(409).body("type", containsString("no-draft"));

        as("product").body(Map.of("changeSummary", "Clearer title")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200)
                .body("draftBasedOn", equalTo(1)).body("draft.title", equalTo("Document review"));
        as("product").header("If-Match", Api.revision(id)).body(Drafts.withTitle(draft, "Changed in the draft"))
                .when().put("/processes/{id}/draft", id).then().statusCode(200);
        as("product").when().get("/processes/{id}/versions/1", id).then()
                .body("definition.title", equalTo("Document review"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update process_version set change_summary = 'rewritten' where process_id = ?1")
                .setParameter(1, java.util.UUID.fromString(id)).executeUpdate()))
                .hasStackTraceContaining("published process versions are immutable");
    }

    @Test
    void refiningOpensADraftOnlyWhenNoneIsOpen() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        as("product").body(Map.of("changeSummary", "Too early")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(409)
                .body("type", containsString("never-published"));
        Api.rehearsed(id);
        Api.publish(id, "First version").statusCode(201);
        as("product").body(Map.of("changeSummary", "One")).when().post("/processes/{id}/refinements", id).then()
                .statusCode(200);
        as("product").body(Map.of("changeSummary", "Two")).when().post("/processes/{id}/refinements", id).then()
                .statusCode(409).body("type", containsString("draft-open"));
    }

    @Test
    void versionsAreListedAndTheDiffOfTwoVersionsNamesWhatChanged() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.published(draft);
        as("product").body(Map.of("changeSummary", "Copy-editing before approval")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200);
        DraftRequest refined = Drafts.withSteps(draft, steps -> {
            steps.set(1, new Step("review", "Review the draft", "reviewer", "Read it all",
                    List.of("copy-edit", "rework"), false));
            steps.add(new Step("copy-edit", "Copy-edit", "author", null, List.of("approve"), false));
            return steps;
        });
        as("product").header("If-Match", Api.revision(id)).body(Drafts.withOutline(refined,
                new Outline("why", "what", "who", "when", "where", "how"))).when().put("/processes/{id}/draft", id)
                .then().statusCode(200);
        Api.rehearsed(id);
        as("product").body(Map.of()).when().post("/processes/{id}/versions", id).then().statusCode(201)
                .body("version", equalTo(2)).body("changeSummary", equalTo("Copy-editing before approval"));

        as("cs-lead").when().get("/processes/{id}/versions", id).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.version", equalTo(List.of(1, 2)))
                .body("items.changeSummary", equalTo(List.of("First version", "Copy-editing before approval")));
        as("cs-lead").when().get("/processes/{id}/diff?from=1&to=2", id).then().statusCode(200)
                .body("fields.field", equalTo(List.of("outline.why", "outline.what", "outline.who", "outline.when",
                        "outline.where", "outline.how")))
                .body("steps.added.id", equalTo(List.of("copy-edit")))
                .body("steps.removed", hasSize(0))
                .body("steps.changed.id", equalTo(List.of("review")))
                .body("steps.changed[0].to.next", equalTo(List.of("copy-edit", "rework")))
                .body("roles.added", hasSize(0))
                .body("keyPoints.added", hasSize(0));
    }

    @Test
    void aRehearsalWithUnresolvedFindingsBlocksPublishingUntilResolvedOrWaived() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        String rehearsal = as("product").body(Map.of("walkedBy", List.of("ana", "bo"), "steps", List.of(
                Map.of("stepId", "draft"),
                Map.of("stepId", "review", "problem", "Reviewer did not know where the draft was"),
                Map.of("stepId", "approve", "problem", "Nobody knew where to share it"),
                Map.of("stepId", "rework")))).when()
                .post("/processes/{id}/rehearsals", id).then().statusCode(201)
                .body("unresolvedFindings", equalTo(2))
                .body("clearsPublication", equalTo(false))
                .extract().path("id");

        Api.publish(id, "First version").statusCode(409).body("type", containsString("rehearsal-findings-open"));

        as("product").body(Map.of("resolution", "The draft link goes into the review request")).when()
                .post("/processes/{id}/rehearsals/{r}/steps/1/resolution", id, rehearsal).then().statusCode(200)
                .body("unresolvedFindings", equalTo(1));
        Api.publish(id, "First version").statusCode(409);

        as("product").body(Map.of("reason", "Sharing is covered by the drive's own guide")).when()
                .post("/processes/{id}/rehearsals/{r}/waiver", id, rehearsal).then().statusCode(200)
                .body("clearsPublication", equalTo(true));
        Api.publish(id, "First version").statusCode(201);
    }

    @Test
    void aRehearsalChangedSinceItsETagRefusesAWaiverOrResolutionNamingTheStaleRevision() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        var created = as("product").body(Map.of("walkedBy", List.of("ana"), "steps", List.of(
                Map.of("stepId", "review", "problem", "Reviewer did not know where the draft was"),
                Map.of("stepId", "approve", "problem", "Nobody knew where to share it"),
                Map.of("stepId", "draft"), Map.of("stepId", "rework")))).when()
                .post("/processes/{id}/rehearsals", id).then().statusCode(201).extract();
        String rehearsal = created.path("id");
        assertThat(created.header("Location")).endsWith("/processes/" + id + "/rehearsals/" + rehearsal);
        String recorded = as("cs-agent").when().get("/processes/{id}/rehearsals/{r}", id, rehearsal).then()
                .statusCode(200).body("id", equalTo(rehearsal)).extract().header("ETag");
        assertThat(recorded).isEqualTo(created.header("ETag"));

        String resolved = as("product").header("If-Match", recorded)
                .body(Map.of("resolution", "The draft link goes into the review request")).when()
                .post("/processes/{id}/rehearsals/{r}/steps/0/resolution", id, rehearsal).then().statusCode(200)
                .body("unresolvedFindings", equalTo(1)).extract().header("ETag");
        assertThat(resolved).isNotEqualTo(recorded);

        as("product").header("If-Match", recorded).body(Map.of("reason", "Covered elsewhere")).when()
                .post("/processes/{id}/rehearsals/{r}/waiver", id, rehearsal).then().statusCode(409)
                .body("type", containsString("stale-revision"))
                .body("detail", containsString("now at " + resolved.replace("\"", "")));
        as("product").header("If-Match", resolved).body(Map.of("reason", "Covered elsewhere")).when()
                .post("/processes/{id}/rehearsals/{r}/waiver", id, rehearsal).then().statusCode(200)
                .body("clearsPublication", equalTo(true));
    }

    @Test
    void retiringWithAStaleRevisionIsRefused() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String published = Api.revision(id);
        as("product").body(Map.of("changeSummary", "Shorter reviews")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200);
        as("admin").header("If-Match", published).body(Map.of("reason", "Replaced")).when()
                .post("/processes/{id}/retirement", id).then().statusCode(409)
                .body("type", containsString("stale-revision"));
        as("admin").header("If-Match", Api.revision(id)).body(Map.of("reason", "Replaced")).when()
                .post("/processes/{id}/retirement", id).then().statusCode(200)
                .header("ETag", notNullValue()).body("status", equalTo("RETIRED"));
    }

    @Test
    void aRehearsalNamesOnlyStepsOfTheDraft() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        as("product").body(Map.of("walkedBy", List.of("ana"), "steps", List.of(Map.of("stepId", "draft"),
                Map.of("stepId", "ghost")))).when().post("/processes/{id}/rehearsals", id).then().statusCode(400)
                .body("violations[0].field", equalTo("steps[1].stepId"));
    }

    @Test
    void dutiesAndFlowchartsComeFromTheDraftOrAGivenVersion() {
        String id = Api.published(Drafts.featureLaunch(Drafts.uniqueKey("launch")));
        as("cs-agent").when().get("/processes/{id}/duties/cs-lead", id).then().statusCode(200)
                .body("steps.stepId", equalTo(List.of("lead-onboarding", "relay-training")))
                .body("receives.fromStep", equalTo(List.of("confirm-final-onboarding", "attend-training")))
                .body("passesOn.toStep", equalTo(List.of("agents-onboarding", "open-parent-ticket")))
                .body("keyPoints.stepId", equalTo(List.of("relay-training")));
        as("cs-agent").when().get("/processes/{id}/duties/ops?version=1", id).then().statusCode(404);
        as("cs-agent").when().get("/processes/{id}/flowchart.mmd?version=1", id).then().statusCode(200)
                .contentType(containsString("text/plain")).body(containsString("flowchart TD"));
        as("cs-agent").when().get("/processes/{id}/flowchart.svg", id).then().statusCode(200)
                .contentType(containsString("image/svg+xml")).body(containsString("Open the parent feedback ticket"));
        as("cs-agent").when().get("/processes/{id}/flowchart.svg?version=2", id).then().statusCode(404);
    }

    @Test
    void retiringAProcessStopsEditsAndRollouts() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        as("admin").body(Map.of("reason", "Replaced by the new review process")).when()
                .post("/processes/{id}/retirement", id).then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("retiredReason", equalTo("Replaced by the new review process"));
        as("product").body(Map.of("changeSummary", "Too late")).when().post("/processes/{id}/refinements", id).then()
                .statusCode(409).body("type", containsString("process-retired"));
        as("product").body(Map.of("participants", List.of(Api.participant("ana", "author", null)))).when()
                .post("/processes/{id}/rollouts", id).then().statusCode(409);
    }

    @Test
    void processesAreListedByKeyWithPagination() {
        Api.created(Drafts.review(Drafts.uniqueKey("list")));
        as("ops").when().get("/processes?page=0&size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("size", equalTo(1)).body("total", not(equalTo(0)));
        as("ops").when().get("/processes?size=0").then().statusCode(400)
                .body("violations[0].field", containsString("size"));
    }

    @Test
    void anUnknownProcessIsAProblemNotFound() {
        as("ops").when().get("/processes/{id}", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}

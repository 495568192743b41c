package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static work.remote.process.Api.as;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.process.rest.DraftRequest;
import work.remote.process.service.Flowcharts;

@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class FlowchartCacheTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aPublishedVersionIsLaidOutOnceAndANewVersionDrawsTheNewFlow() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.published(draft);
        double before = layouts("svg");

        String first = svg(id, "?version=1").statusCode(200).body(containsString("Review the draft"))
                .extract().header("ETag");
        svg(id, "").statusCode(200).header("ETag", first).body(containsString("Review the draft"));
        assertThat(layouts("svg")).isEqualTo(before + 1);

        as("product").body(Map.of("changeSummary", "Name what a review covers")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200);
        as("product").header("If-Match", Api.revision(id)).body(withReviewTitled(draft, "Review every section"))
                .when().put("/processes/{id}/draft", id).then().statusCode(200);
        Api.rehearsed(id);
        Api.publish(id, "Name what a review covers").statusCode(201);

        String second = svg(id, "").statusCode(200).body(containsString("Review every section"))
                .body(not(containsString("Review the draft"))).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);
        svg(id, "?version=1").statusCode(200).header("ETag", first);
        svg(id, "?version=2").statusCode(200).header("ETag", second);
        assertThat(layouts("svg")).isEqualTo(before + 2);
    }

    @Test
    void aDraftIsLaidOutOnEveryRequestAndFollowsItsEdits() {
        DraftRequest draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        double before = layouts("mermaid");

        String first = mermaid(id).statusCode(200).body(containsString("Review the draft")).extract().header("ETag");
        mermaid(id).statusCode(200).header("ETag", first);
        assertThat(layouts("mermaid")).isEqualTo(before + 2);

        as("product").header("If-Match", Api.revision(id)).body(withReviewTitled(draft, "Review it once"))
                .when().put("/processes/{id}/draft", id).then().statusCode(200);
        String edited = mermaid(id).statusCode(200).body(containsString("Review it once"))
                .body(not(containsString("Review the draft"))).extract().header("ETag");
        assertThat(edited).isNotEqualTo(first);
        assertThat(layouts("mermaid")).isEqualTo(before + 3);
    }

    @Test
    void aChartAnswers304WhileIfNoneMatchNamesIt() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        String etag = mermaid(id).statusCode(200).extract().header("ETag");

        as("cs-agent").header("If-None-Match", etag).when().get("/processes/{id}/flowchart.mmd", id).then()
                .statusCode(304).header("ETag", etag).body(emptyString());
        as("cs-agent").header("If-None-Match", "\"another\"").when().get("/processes/{id}/flowchart.mmd", id)
                .then().statusCode(200).header("ETag", etag).body(containsString("flowchart TD"));
        as("cs-agent").header("If-None-Match", etag).when().get("/processes/{id}/flowchart.svg", id).then()
                .statusCode(200).header("ETag", not(equalTo(etag)));
    }

    /** The draft with its review step (the second) under another title. */
    private static DraftRequest withReviewTitled(DraftRequest draft, String title) {
        return Drafts.withSteps(draft, steps -> {
            Step review = steps.get(1);
            steps.set(1, new Step(review.id(), title, review.role(), review.description(), review.next(),
                    review.end()));
            return steps;
        });
    }

    private static ValidatableResponse svg(String id, String query) {
        return as("cs-agent").when().get("/processes/{id}/flowchart.svg" + query, id).then();
    }

    private static ValidatableResponse mermaid(String id) {
        return as("cs-agent").when().get("/processes/{id}/flowchart.mmd", id).then();
    }

    private double layouts(String format) {
        return metrics.counter(Flowcharts.LAYOUTS_METRIC, "format", format).count();
    }
}

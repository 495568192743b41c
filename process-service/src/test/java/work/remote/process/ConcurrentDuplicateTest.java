package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static work.remote.process.Api.asPerson;
import static work.remote.process.Api.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import work.remote.devinfra.RemoteWorkTestResource;

/** Requests that race on a unique constraint: one wins, the others hear 409, none a 500. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ConcurrentDuplicateTest {

    private static final int RACERS = 8;

    @Test
    void adoptionFeedbackGivenSeveralTimesAtOnceIsRecordedOnceAndTheRestAre409() throws Exception {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("race")));
        String rollout = Api.rolledOut(process, List.of(participant("ana", "author", null)));

        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int rating = 1 + i % 5;
                answers.add(racers.submit(() -> {
                    start.await();
                    return asPerson("ana", "product").body(Map.of("rating", rating)).when()
                            .post("/rollouts/{id}/adoption-feedback", rollout);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            racers.shutdownNow();
        }
        Api.as("ops").when().get("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(200);
    }
}

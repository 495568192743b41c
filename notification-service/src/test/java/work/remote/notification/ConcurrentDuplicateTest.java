package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import work.remote.devinfra.RemoteWorkTestResource;

/** Requests that race on a unique constraint: one wins, the others hear 409, none a 500. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class ConcurrentDuplicateTest {

    private static final int RACERS = 8;

    @Test
    void aChannelRegisteredSeveralTimesAtOnceExistsOnceAndTheRestAre409() throws Exception {
        String channel = Api.uniqueChannel("race");
        List<Response> answers = race(() -> Api.as("ops").body(Map.of("name", channel, "webhookUrl",
                RemoteWorkTestResource.slack().webhookUrl("T0/race"))).when().post("/channels"));
        assertOneCreatedRestConflict(answers);
        List<String> names = Api.as("ops").queryParam("size", 200).when().get("/channels").then().statusCode(200)
                .extract().path("items.name");
        assertThat(names).containsOnlyOnce(channel);
    }

    @Test
    void aRouteCreatedSeveralTimesAtOnceExistsOnceAndTheRestAre409() throws Exception {
        String route = "race-" + System.nanoTime();
        // a launch of its own, so that the route matches no event other tests route
        String launch = UUID.randomUUID().toString();
        List<Response> answers = race(() -> Api.as("ops").body(Map.of("name", route,
                "eventType", "work.remote.ticket.TicketOpened", "launchId", launch,
                "targets", List.of(Map.of("kind", "EMAIL_GROUP", "value", "product")))).when().post("/routes"));
        assertOneCreatedRestConflict(answers);
    }

    private static List<Response> race(Supplier<Response> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                pending.add(racers.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            racers.shutdownNow();
        }
    }

    private static void assertOneCreatedRestConflict(List<Response> answers) {
        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                .allSatisfy(answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
    }
}

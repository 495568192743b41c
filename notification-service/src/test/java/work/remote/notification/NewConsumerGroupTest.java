package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new consumer group on an empty database reads the topics from their start, through the real broker, and sends
 * none of that history: only what happens after the service first started goes out.
 */
@QuarkusTest
@WithTestResource(FreshStartTestResource.class)
class NewConsumerGroupTest {

    @Test
    void aNewConsumerGroupNeverReSendsHistory() {
        String news = "Reported after the first start " + FreshStartTestResource.HISTORY_TITLE;
        // the same launch, so the same partition: once the news is out, the history before it was read
        String newsCeId = TestEvents.send(TestEvents.criticalIssue(news, FreshStartTestResource.LAUNCH));

        await().atMost(Duration.ofSeconds(60)).until(() -> Api.callsMentioning(news).size() == 1);
        assertThat(Api.callsMentioning(FreshStartTestResource.HISTORY_TITLE)).hasSize(1)
                .allSatisfy(call -> assertThat(call.body()).contains(news));
        Api.as("ops").queryParam("ceId", FreshStartTestResource.historyCeId).when().get("/deliveries").then()
                .statusCode(200).body("total", equalTo(0));
        Api.as("ops").queryParam("ceId", newsCeId).queryParam("channel", "SLACK").when().get("/deliveries").then()
                .statusCode(200).body("items[0].state", equalTo("DELIVERED"));
    }
}

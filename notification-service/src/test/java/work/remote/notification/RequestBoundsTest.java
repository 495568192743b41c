package work.remote.notification;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.platform.paging.PageBounds;

/** Every request bound holds with a 400 naming the field. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class RequestBoundsTest {

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        for (String list : List.of("/deliveries", "/routes", "/channels")) {
            Api.as("ops").when().get(list + "?page=10737419&size=200").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("page"));
            Api.as("ops").when().get(list + "?page=" + PageBounds.MAX_PAGE + "&size=" + PageBounds.MAX_SIZE).then()
                    .statusCode(200).body("items", empty());
        }
    }

    @Test
    void aNullTargetIsRefusedNamingTheElement() {
        Api.as("ops").body(Map.of("name", "nulls-" + System.nanoTime(), "eventType", "work.remote.ticket.*",
                "targets", Arrays.asList(Map.of("kind", "EMAIL_GROUP", "value", "product"), null))).when()
                .post("/routes").then().statusCode(400).body("violations.field", hasItem("targets[1]"));
    }
}

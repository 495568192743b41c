package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import work.remote.devinfra.DevTokens;

/** One test per row of the README's "Who may do what" table for notification-service. */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class WhoMayDoWhatTest {

    static final List<String> EVERYONE = DevTokens.ROLES;
    static final List<String> OPS_AND_ADMIN = List.of("ops", "admin");

    /**
     * Asserts that exactly {@code allowed} get past security, each answered {@code status} (what the endpoint answers
     * the request the test sends: e.g. 404 for an id that does not exist, 400 for an empty body), and the rest get
     * 403.
     */
    static void onlyThese(List<String> allowed, int status, Function<RequestSpecification, Response> call) {
        for (String role : EVERYONE) {
            Response response = call.apply(Api.as(role));
            if (allowed.contains(role)) {
                assertThat(response.statusCode()).as("%s: %s", role, response.body().asString()).isEqualTo(status);
            } else {
                assertThat(response.statusCode()).as(role).isEqualTo(403);
            }
        }
        assertThat(call.apply(RestAssured.given().contentType("application/json")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyoneReadsTheDeliveryLog() {
        onlyThese(EVERYONE, 200, request -> request.get("/deliveries"));
        onlyThese(EVERYONE, 404, request -> request.get("/deliveries/" + UUID.randomUUID()));
    }

    @Test
    void opsAndAdminReplayDeliveries() {
        onlyThese(OPS_AND_ADMIN, 404, request -> request.post("/deliveries/" + UUID.randomUUID() + "/replay"));
    }

    @Test
    void everyoneReadsRoutesAndChannels() {
        onlyThese(EVERYONE, 200, request -> request.get("/routes"));
        onlyThese(EVERYONE, 404, request -> request.get("/routes/" + UUID.randomUUID()));
        onlyThese(EVERYONE, 200, request -> request.get("/channels"));
        onlyThese(EVERYONE, 404, request -> request.get("/channels/" + UUID.randomUUID()));
    }

    @Test
    void opsAndAdminManageRoutes() {
        onlyThese(OPS_AND_ADMIN, 400, request -> request.body(Map.of()).post("/routes"));
        onlyThese(OPS_AND_ADMIN, 400, request -> request.body(Map.of()).put("/routes/" + UUID.randomUUID()));
        onlyThese(OPS_AND_ADMIN, 404, request -> request.delete("/routes/" + UUID.randomUUID()));
        onlyThese(OPS_AND_ADMIN, 400, request -> request.body(Map.of()).post("/routes/dry-run"));
    }

    @Test
    void opsAndAdminManageChannels() {
        onlyThese(OPS_AND_ADMIN, 400, request -> request.body(Map.of()).post("/channels"));
        onlyThese(OPS_AND_ADMIN, 400, request -> request.body(Map.of()).put("/channels/" + UUID.randomUUID()));
        onlyThese(OPS_AND_ADMIN, 404, request -> request.delete("/channels/" + UUID.randomUUID()));
    }
}

package work.remote.devinfra;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What every service exposes without a token: readiness covering its database and the broker, its OpenAPI
 * document, and Prometheus metrics. A service's {@code @QuarkusTest} extends this to inherit the checks.
 */
public abstract class ServiceEndpointsContract {

    /** The service's {@code quarkus.application.name}, e.g. {@code ticket-service}. */
    protected abstract String serviceName();

    /** Waits a while: after another test stopped and restarted the broker, the Kafka clients take seconds to reconnect. */
    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check")));
    }

    @Test
    void openApiIsPublicAndNamesTheService() {
        given().when().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("info.title", equalTo("remote-work " + serviceName()));
    }

    @Test
    void prometheusMetricsArePublic() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}

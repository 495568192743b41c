package work.remote.meeting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;

@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class MeetingServiceHealthTest {

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void openApiAndMetricsArePublic() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("remote-work meeting-service"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}

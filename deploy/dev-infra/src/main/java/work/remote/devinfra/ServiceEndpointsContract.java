package work.remote.devinfra;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /**
     * The console's clients are generated at build time from its copy of this document; the copy must be this
     * document. The current one is written to {@code target/openapi/<service>.json}, to copy over a stale one.
     */
    @Test
    void theConsoleGeneratesItsClientFromTheCurrentDocument() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        Path current = Path.of("target", "openapi", serviceName() + ".json");
        Files.createDirectories(current.getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(current.toFile(), served);
        Path copy = Path.of("..", "console", "src", "main", "openapi", serviceName() + ".json");
        boolean same = Files.exists(copy) && json.readTree(copy.toFile()).equals(served);
        assertThat("the console's copy " + copy + " is this service's OpenAPI document; refresh it with: cp "
                + current + " " + copy, same, equalTo(true));
    }

    @Test
    void prometheusMetricsArePublic() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * Every operation documents the problems it can answer as {@code application/problem+json}: 503 with
     * {@code Retry-After}, 401 and 403 where it needs a token, 400 where it takes input.
     */
    @Test
    void everyOperationDocumentsItsProblems() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        boolean tokenByDefault = document.path("security").size() > 0;
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode body = operation.getValue();
                if (!body.has("responses")) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = body.path("responses");
                List<String> expected = new ArrayList<>(List.of("503"));
                if (body.has("security") ? body.path("security").size() > 0 : tokenByDefault) {
                    expected.addAll(List.of("401", "403"));
                }
                if (body.has("requestBody") || body.path("parameters").size() > 0) {
                    expected.add("400");
                }
                expected.stream().filter(code -> !responses.has(code)).forEach(code -> missing.add(name + " " + code));
                responses.fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]\\d\\d")
                            && !response.getValue().path("content").has("application/problem+json")) {
                        missing.add(name + " " + response.getKey() + " as application/problem+json");
                    }
                });
                if (!responses.path("503").path("headers").has("Retry-After")) {
                    missing.add(name + " 503 Retry-After");
                }
            }
        }
        assertThat("undocumented problems", missing, empty());
    }
}

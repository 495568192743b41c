package work.remote.notification;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackSink;

/** The calls the tests make to this service's API, and what they look for at the Slack sink. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(RemoteWorkTestResource.tokens().token("someone-" + role, role))
                .contentType(ContentType.JSON);
    }

    /** A channel name nobody else uses, e.g. {@code #t-rate-1a2b3c4d}. */
    static String uniqueChannel(String prefix) {
        return "#" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers {@code name} with a webhook on the Slack sink at {@code /services/<webhookPath>}. */
    static String registerChannel(String name, String webhookPath, Map<String, Object> limit) {
        Map<String, Object> body = new HashMap<>(limit);
        body.put("name", name);
        body.put("webhookUrl", RemoteWorkTestResource.slack().webhookUrl(webhookPath));
        return as("ops").body(body).when().post("/channels").then().statusCode(201).extract().path("id");
    }

    static List<SlackSink.SlackCall> callsTo(String webhookPath) {
        return RemoteWorkTestResource.slack().calls().stream()
                .filter(call -> call.path().equals("/services/" + webhookPath)).toList();
    }

    static List<SlackSink.SlackCall> callsMentioning(String text) {
        return RemoteWorkTestResource.slack().calls().stream().filter(call -> call.body().contains(text)).toList();
    }
}

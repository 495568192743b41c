package work.remote.meeting;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.EventJson;

/** Calls meeting-service's API the way people do: with a token naming them and carrying their role. */
final class MeetingApi {

    static final String HOST = "hana-host";

    private MeetingApi() {
    }

    static String token(String person, String role) {
        return RemoteWorkTestResource.tokens().token(person, role);
    }

    static ValidatableResponse post(String person, String role, String path, Object body) {
        return given().auth().oauth2(token(person, role)).contentType(ContentType.JSON).body(json(body))
                .when().post(path).then();
    }

    /** As {@code person} (the token's sub) going by the display name {@code name}: a rename, or an impostor. */
    static ValidatableResponse postAs(String person, String name, String role, String path, Object body) {
        return given().auth().oauth2(RemoteWorkTestResource.tokens().token(person, name, Set.of(role)))
                .contentType(ContentType.JSON).body(json(body)).when().post(path).then();
    }

    static ValidatableResponse put(String person, String role, String path, Object body) {
        return given().auth().oauth2(token(person, role)).contentType(ContentType.JSON).body(json(body))
                .when().put(path).then();
    }

    static ValidatableResponse get(String role, String path) {
        return given().auth().oauth2(token("reader-" + role, role)).when().get(path).then();
    }

    /** A meeting request: kind, what about, when, how long, who. */
    static Map<String, Object> meeting(String kind, String subjectKind, UUID subjectId, int minutes,
            List<Map<String, Object>> invitees) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("subject", Map.of("kind", subjectKind, "id", subjectId.toString(), "title", "Launch playbook " + subjectId));
        body.put("host", HOST);
        body.put("startsAt", Map.of("at", "2026-12-01T09:00", "zone", "Europe/Berlin"));
        body.put("durationMinutes", minutes);
        body.put("materialLink", "https://docs.remote.work/processes/" + subjectId);
        body.put("invitees", invitees);
        return body;
    }

    static Map<String, Object> discussion(UUID processId, int minutes, List<Map<String, Object>> invitees) {
        return meeting("DISCUSSION", "PROCESS", processId, minutes, invitees);
    }

    /** {@code count} people of one function group, named after it, reporting to {@code supervisor}. */
    static List<Map<String, Object>> people(String group, int count, String supervisor) {
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("person", group.toLowerCase().replace("&", "") + "-" + i);
            person.put("functionGroup", group);
            person.put("supervisor", supervisor);
            people.add(person);
        }
        return people;
    }

    /** Plans a meeting hosted by {@link #HOST} and returns its id. */
    static String plan(Map<String, Object> request) {
        return post("planner", "product", "/meetings", request).statusCode(201).extract().path("id");
    }

    static ValidatableResponse host(String meetingId, String action, Object body) {
        return post(HOST, "cs-agent", "/meetings/" + meetingId + action, body);
    }

    /** The body as JSON; a string is taken to be JSON already. */
    static String json(Object body) {
        if (body instanceof String raw) {
            return raw;
        }
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}

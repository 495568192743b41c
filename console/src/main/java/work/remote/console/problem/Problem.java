package work.remote.console.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A refusal or failure of a service in words for a page: a sentence for the top of the page and, per field, what is
 * wrong with it, from the service's RFC 9457 problem document. A page never shows the document itself.
 *
 * @param message the sentence for the top, e.g. "Ticket-service refused: The request is invalid."
 * @param fields each invalid field's messages, by the field's JSON path ({@code title}, {@code steps[2].role})
 */
public record Problem(String message, Map<String, List<String>> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Problem {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** What is wrong with {@code field}, in one sentence, or an empty string when nothing is. */
    public String about(String field) {
        return String.join("; ", fields.getOrDefault(field, List.of()));
    }

    public boolean concerns(String field) {
        return fields.containsKey(field);
    }

    /** Every field's messages as "field message", for a form that has no place next to the field for them. */
    public List<String> fieldMessages() {
        List<String> messages = new ArrayList<>();
        fields.forEach((field, about) -> about.forEach(message -> messages.add(field + " " + message)));
        return messages;
    }

    public static Problem unreachable(String who) {
        return new Problem(capitalized(who) + " cannot be reached; try again in a moment.", Map.of());
    }

    /** The problem {@code who} answered with {@code status}, from its problem document when it sent one. */
    public static Problem of(String who, int status, String contentType, String body) {
        JsonNode document = null;
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                document = JSON.readTree(body);
            } catch (IOException notJson) {
                document = null;
            }
        }
        if (document == null || !document.isObject()) {
            return new Problem(capitalized(who) + " answered " + status + " " + reason(status) + ".", Map.of());
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        document.path("violations").forEach(violation -> fields
                .computeIfAbsent(violation.path("field").asText("request"), field -> new ArrayList<>())
                .add(violation.path("message").asText()));
        StringBuilder message = new StringBuilder(capitalized(who)).append(status < 500 ? " refused: " : " failed: ");
        message.append(document.path("title").asText(reason(status)));
        String detail = document.path("detail").asText("");
        if (!detail.isBlank()) {
            message.append(". ").append(detail);
        }
        if (message.charAt(message.length() - 1) != '.') {
            message.append('.');
        }
        return new Problem(message.toString(), fields);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "the request is invalid";
            case 401 -> "you are not signed in, or your sign-in expired";
            case 403 -> "your roles do not allow this";
            case 404 -> "it does not exist";
            case 409 -> "it conflicts with the current state";
            case 412 -> "someone changed it meanwhile; reload and try again";
            case 503 -> "the service is busy or starting; try again in a moment";
            default -> status >= 500 ? "the service failed" : "the request was refused";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

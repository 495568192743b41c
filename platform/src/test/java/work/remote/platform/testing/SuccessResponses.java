package work.remote.platform.testing;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client generated from a service's OpenAPI document could not type: every operation must document a
 * success (2xx) response with a media type and a schema that says something, i.e. resolves to a component that
 * exists, a scalar, an object with properties, or an array of such. A 204, and a 202 that only says the work is
 * queued, answer no body and so document no content; so do the operations a caller names as answering an empty
 * success (e.g. a webhook answering Slack with an empty 200).
 */
public final class SuccessResponses {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Set<String> BODILESS = Set.of("202", "204");
    private static final String COMPONENT = "#/components/schemas/";

    private SuccessResponses() {
    }

    /**
     * Each operation of {@code openApiJson} (outside {@code /q/}) that lacks a usable success response, and why.
     *
     * @param answeringNoBody operations ({@code "POST /slack/commands"}) whose success really has no body
     */
    public static List<String> undocumented(String openApiJson, String... answeringNoBody) {
        try {
            return undocumented(new ObjectMapper().readTree(openApiJson), Set.of(answeringNoBody));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> undocumented(JsonNode document, Set<String> answeringNoBody) {
        JsonNode components = document.path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    check(name, answeringNoBody.contains(name), operation.getValue().path("responses"), components,
                            missing);
                }
            });
        }
        return missing;
    }

    private static void check(String operation, boolean answersNoBody, JsonNode responses, JsonNode components,
            List<String> missing) {
        boolean anySuccess = false;
        for (Iterator<Map.Entry<String, JsonNode>> codes = responses.fields(); codes.hasNext();) {
            Map.Entry<String, JsonNode> response = codes.next();
            String code = response.getKey();
            if (!code.matches("2\\d\\d")) {
                continue;
            }
            anySuccess = true;
            JsonNode content = response.getValue().path("content");
            if (content.isEmpty()) {
                if (!answersNoBody && !BODILESS.contains(code)) {
                    missing.add(operation + " " + code + " has no media type");
                }
                continue;
            }
            if ("204".equals(code)) {
                missing.add(operation + " 204 documents a body");
            }
            content.fields().forEachRemaining(mediaType -> {
                if (!saysSomething(mediaType.getValue().path("schema"), components, new HashSet<>())) {
                    missing.add(operation + " " + code + " " + mediaType.getKey() + " has an empty schema");
                }
            });
        }
        if (!anySuccess) {
            missing.add(operation + " documents no success response");
        }
    }

    private static boolean saysSomething(JsonNode schema, JsonNode components, Set<String> followed) {
        if (!schema.isObject() || schema.isEmpty()) {
            return false;
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            if (!ref.startsWith(COMPONENT)) {
                return false;
            }
            String name = ref.substring(COMPONENT.length());
            return followed.contains(name) || components.has(name)
                    && followed.add(name) && saysSomething(components.path(name), components, followed);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode part : schema.path(combinator)) {
                if (saysSomething(part, components, followed)) {
                    return true;
                }
            }
        }
        if (schema.has("enum") || schema.has("const")) {
            return true;
        }
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        types.remove("null");
        if (types.contains("array")) {
            return saysSomething(schema.path("items"), components, followed);
        }
        if (types.contains("object")) {
            return !schema.path("properties").isEmpty() || schema.path("additionalProperties").isObject()
                    && saysSomething(schema.path("additionalProperties"), components, followed);
        }
        return !types.isEmpty();
    }
}

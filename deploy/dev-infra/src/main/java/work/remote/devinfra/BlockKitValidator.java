package work.remote.devinfra;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a webhook body the way Slack does before it posts anything: the body must be a JSON object
 * ({@code invalid_payload} otherwise) and its blocks must keep Block Kit's documented limits
 * ({@code invalid_blocks} otherwise). Lengths are counted in UTF-16 units, never fewer than Slack's characters.
 * <p>
 * This is a stand-in for Slack written from Slack's reference, independent of the limits notification-service
 * cuts its messages to, so a wrong number on either side shows up as a refused message.
 */
public final class BlockKitValidator {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_HEADER_TEXT = 150;
    public static final int MAX_SECTION_TEXT = 3_000;
    public static final int MAX_SECTION_FIELDS = 10;
    public static final int MAX_FIELD_TEXT = 2_000;
    public static final int MAX_ACTION_ELEMENTS = 25;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    public static final int MAX_CONTEXT_TEXT = 3_000;

    /** Slack's answer to a body: {@code error} is null when Slack accepts it; {@code problems} say why not. */
    public record Verdict(String error, List<String> problems) {

        static final Verdict ACCEPTED = new Verdict(null, List.of());

        public boolean accepted() {
            return error == null;
        }
    }

    private BlockKitValidator() {
    }

    public static Verdict check(String body) {
        JsonNode message;
        try {
            message = HttpEndpoint.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Verdict("invalid_payload", List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
        if (message == null || !message.isObject()) {
            return new Verdict("invalid_payload", List.of("the body is not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode blocks = message.get("blocks");
        if (blocks != null) {
            checkBlocks(blocks, problems);
        }
        return problems.isEmpty() ? Verdict.ACCEPTED : new Verdict("invalid_blocks", List.copyOf(problems));
    }

    private static void checkBlocks(JsonNode blocks, List<String> problems) {
        if (!blocks.isArray()) {
            problems.add("blocks is not an array");
            return;
        }
        atMost(blocks, MAX_BLOCKS, "blocks", problems);
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String where = "blocks[" + i + "]";
            switch (block.path("type").asText()) {
                case "header" -> textObject(block.get("text"), where + ".text", true, MAX_HEADER_TEXT, problems);
                case "section" -> checkSection(block, where, problems);
                case "actions" -> checkElements(block.get("elements"), where, MAX_ACTION_ELEMENTS, problems);
                case "context" -> checkElements(block.get("elements"), where, MAX_CONTEXT_ELEMENTS, problems);
                case "" -> problems.add(where + " has no type");
            }
        }
    }

    private static void checkSection(JsonNode section, String where, List<String> problems) {
        JsonNode text = section.get("text");
        JsonNode fields = section.get("fields");
        if (text == null && fields == null) {
            problems.add(where + " has neither text nor fields");
        }
        if (text != null) {
            textObject(text, where + ".text", false, MAX_SECTION_TEXT, problems);
        }
        if (fields != null) {
            if (!fields.isArray()) {
                problems.add(where + ".fields is not an array");
            } else {
                atMost(fields, MAX_SECTION_FIELDS, where + ".fields", problems);
                for (int i = 0; i < fields.size(); i++) {
                    textObject(fields.get(i), where + ".fields[" + i + "]", false, MAX_FIELD_TEXT, problems);
                }
            }
        }
        JsonNode accessory = section.get("accessory");
        if (accessory != null) {
            checkElement(accessory, where + ".accessory", problems);
        }
    }

    private static void checkElements(JsonNode elements, String where, int max, List<String> problems) {
        if (elements == null || !elements.isArray()) {
            problems.add(where + ".elements is not an array");
            return;
        }
        atMost(elements, max, where + ".elements", problems);
        for (int i = 0; i < elements.size(); i++) {
            checkElement(elements.get(i), where + ".elements[" + i + "]", problems);
        }
    }

    private static void checkElement(JsonNode element, String where, List<String> problems) {
        switch (element.path("type").asText()) {
            case "button" -> textObject(element.get("text"), where + ".text", true, MAX_BUTTON_TEXT, problems);
            case "plain_text", "mrkdwn" -> textObject(element, where, false, MAX_CONTEXT_TEXT, problems);
        }
    }

    private static void textObject(JsonNode text, String where, boolean plainOnly, int maxLength, List<String> problems) {
        if (text == null || !text.isObject() || !text.path("text").isTextual()) {
            problems.add(where + " is not a text object");
            return;
        }
        String type = text.path("type").asText();
        boolean allowedType = type.equals("plain_text") || !plainOnly && type.equals("mrkdwn");
        if (!allowedType) {
            problems.add(where + " has type '" + type + "'" + (plainOnly ? ", not plain_text" : ""));
        }
        int length = text.get("text").asText().length();
        if (length > maxLength) {
            problems.add(where + " has " + length + " characters, more than " + maxLength);
        }
    }

    private static void atMost(JsonNode array, int max, String where, List<String> problems) {
        if (array.size() > max) {
            problems.add(where + " has " + array.size() + " items, more than " + max);
        }
    }
}

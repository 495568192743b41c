package work.remote.notification.service;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cuts a rendered Slack message to Block Kit's documented limits, which Slack enforces by refusing the whole
 * message ({@code 400 invalid_blocks}): text over a limit ends in "…", extra fields, elements and blocks are left
 * out. It works on the finished JSON, so no template can send a message Slack refuses. Lengths are counted in
 * UTF-16 units, never fewer than Slack's characters.
 */
final class BlockKitLimits {

    static final int MAX_BLOCKS = 50;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_SECTION_TEXT = 3_000;
    static final int MAX_SECTION_FIELDS = 10;
    static final int MAX_FIELD_TEXT = 2_000;
    static final int MAX_ACTION_ELEMENTS = 25;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int MAX_CONTEXT_TEXT = 3_000;
    /**
     * The top-level {@code text}: Slack only truncates it (at 40,000), but it is the notification people see, and
     * the delivery's title and email subject.
     */
    static final int MAX_FALLBACK_TEXT = 500;

    static final String ELLIPSIS = "…";

    /** An entity such as {@code &amp;} or {@code &#8230;}: {@link #cut} never keeps half of one. */
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]{1,8};");

    private BlockKitLimits() {
    }

    static void fit(ObjectNode message) {
        if (message.path("text").isTextual()) {
            message.put("text", cut(message.get("text").asText(), MAX_FALLBACK_TEXT, true));
        }
        if (!(message.get("blocks") instanceof ArrayNode blocks)) {
            return;
        }
        // templates end with their links (the actions block), so the blocks left out are the last but one
        while (blocks.size() > MAX_BLOCKS) {
            blocks.remove(blocks.size() - 2);
        }
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "header" -> fitText(block.get("text"), MAX_HEADER_TEXT);
                case "section" -> fitSection(block);
                case "actions" -> fitElements(block.get("elements"), MAX_ACTION_ELEMENTS);
                case "context" -> fitElements(block.get("elements"), MAX_CONTEXT_ELEMENTS);
            }
        }
    }

    /**
     * {@code text} cut to at most {@code max} characters, ending in "…" when cut. The cut never splits a surrogate
     * pair and, in mrkdwn, never keeps half of an entity ({@code &am…}) or of a link or mention ({@code <http…}).
     */
    static String cut(String text, int max, boolean mrkdwn) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        if (mrkdwn) {
            end = beforeOpenMarkup(text, end);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static int beforeOpenMarkup(String text, int end) {
        int link = text.lastIndexOf('<', end - 1);
        if (link >= 0) {
            int close = text.indexOf('>', link);
            if (close < 0 || close >= end) {
                end = link;
            }
        }
        int entity = text.lastIndexOf('&', end - 1);
        if (entity >= 0 && text.indexOf(';', entity) >= end
                && ENTITY.matcher(text).region(entity, text.length()).lookingAt()) {
            end = entity;
        }
        return end;
    }

    private static void fitSection(JsonNode section) {
        fitText(section.get("text"), MAX_SECTION_TEXT);
        if (section.get("fields") instanceof ArrayNode fields) {
            while (fields.size() > MAX_SECTION_FIELDS) {
                fields.remove(fields.size() - 1);
            }
            fields.forEach(field -> fitText(field, MAX_FIELD_TEXT));
        }
        if (section.get("accessory") != null) {
            fitElement(section.get("accessory"));
        }
    }

    private static void fitElements(JsonNode elements, int max) {
        if (elements instanceof ArrayNode array) {
            while (array.size() > max) {
                array.remove(array.size() - 1);
            }
            array.forEach(BlockKitLimits::fitElement);
        }
    }

    private static void fitElement(JsonNode element) {
        switch (element.path("type").asText()) {
            case "button" -> fitText(element.get("text"), MAX_BUTTON_TEXT);
            case "plain_text", "mrkdwn" -> fitText(element, MAX_CONTEXT_TEXT);
        }
    }

    /** Cuts the {@code text} of a text object, as mrkdwn when it is of type {@code mrkdwn}. */
    private static void fitText(JsonNode textObject, int max) {
        if (textObject instanceof ObjectNode object && object.path("text").isTextual()) {
            boolean mrkdwn = "mrkdwn".equals(object.path("type").asText());
            object.put("text", cut(object.get("text").asText(), max, mrkdwn));
        }
    }
}

package work.remote.notification.service;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Slack's mrkdwn treats {@code &}, {@code <} and {@code >} as control characters: {@code <!channel>} mentions a
 * channel and {@code <https://…|here>} is a link. User text therefore enters a Slack template escaped
 * ({@link #escapeStrings}), so only a template's own text can mention or link. In the rendered message
 * ({@link #settle}) Slack's own preprocessing of mrkdwn, which would turn a typed {@code @here} into a mention, is
 * switched off, and {@code plain_text} objects (headers, buttons) and URLs, which Slack reads as they are, are
 * decoded back.
 */
final class Mrkdwn {

    private Mrkdwn() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The inverse of {@link #escape}: decodes only the three entities it writes, in one pass. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("&amp;", i)) {
                decoded.append('&');
                i += 5;
            } else if (text.startsWith("&lt;", i)) {
                decoded.append('<');
                i += 4;
            } else if (text.startsWith("&gt;", i)) {
                decoded.append('>');
                i += 4;
            } else {
                decoded.append(text.charAt(i));
                i++;
            }
        }
        return decoded.toString();
    }

    /** A copy of {@code data} with every string value, at any depth, escaped for mrkdwn. */
    static JsonNode escapeStrings(JsonNode data) {
        if (data.isTextual()) {
            return TextNode.valueOf(escape(data.asText()));
        }
        if (data.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            data.properties().forEach(field -> copy.set(field.getKey(), escapeStrings(field.getValue())));
            return copy;
        }
        if (data.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(data.size());
            data.forEach(item -> copy.add(escapeStrings(item)));
            return copy;
        }
        return data;
    }

    /**
     * Marks every {@code mrkdwn} text object {@code verbatim}, so that Slack links and mentions only what is written
     * in its markup ({@code <!here>}), and decodes every other string but the message's top-level {@code text}
     * (the notification fallback, which Slack formats as mrkdwn).
     */
    static void settle(ObjectNode message) {
        decodeFields(message, "text");
    }

    private static void decode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean mrkdwn = "mrkdwn".equals(object.path("type").asText());
            if (mrkdwn) {
                object.put("verbatim", true);
            }
            decodeFields(object, mrkdwn ? "text" : null);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(unescape(array.get(i).asText())));
                } else {
                    decode(array.get(i));
                }
            }
        }
    }

    private static void decodeFields(ObjectNode object, String mrkdwnField) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equals(mrkdwnField)) {
                continue;
            }
            if (field.getValue().isTextual()) {
                field.setValue(TextNode.valueOf(unescape(field.getValue().asText())));
            } else {
                decode(field.getValue());
            }
        }
    }
}

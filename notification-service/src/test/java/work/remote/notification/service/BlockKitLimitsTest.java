package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BlockKitLimitsTest {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aHeaderOverItsLimitIsCutToItWithAnEllipsis() {
        ObjectNode message = message(header("CRITICAL: " + "w".repeat(190)));

        BlockKitLimits.fit(message);

        String header = message.at("/blocks/0/text/text").asText();
        assertThat(header).hasSize(150).startsWith("CRITICAL: www").endsWith("w…");
    }

    @Test
    void textWithinItsLimitIsLeftAlone() {
        ObjectNode message = message(header("h".repeat(150)), section("s".repeat(3_000)));
        String before = message.toString();

        BlockKitLimits.fit(message);

        assertThat(message.toString()).isEqualTo(before);
    }

    @Test
    void everyKindOfTextIsCutToItsOwnLimit() {
        ObjectNode message = message(section("s".repeat(3_001)), fields(12, "f".repeat(2_500)),
                actions(button("b".repeat(100))), context("c".repeat(4_000)));
        message.put("text", "t".repeat(900));

        BlockKitLimits.fit(message);

        assertThat(message.get("text").asText()).hasSize(500).endsWith("…");
        assertThat(message.at("/blocks/0/text/text").asText()).hasSize(3_000).endsWith("…");
        assertThat(message.at("/blocks/1/fields")).hasSize(10)
                .allSatisfy(field -> assertThat(field.get("text").asText()).hasSize(2_000).endsWith("…"));
        assertThat(message.at("/blocks/2/elements/0/text/text").asText()).hasSize(75).endsWith("…");
        assertThat(message.at("/blocks/3/elements/0/text").asText()).hasSize(3_000).endsWith("…");
    }

    @Test
    void aMessageOfMoreThanFiftyBlocksKeepsTheFirstFortyNineAndItsLinks() {
        ObjectNode message = message();
        IntStream.range(0, 60).forEach(i -> message.withArray("blocks").add(section("s" + i)));
        message.withArray("blocks").add(actions(button("Open ticket")));

        BlockKitLimits.fit(message);

        ArrayNode blocks = message.withArray("blocks");
        assertThat(blocks).hasSize(50);
        assertThat(blocks.get(48).at("/text/text").asText()).isEqualTo("s48");
        assertThat(blocks.get(49).path("type").asText()).isEqualTo("actions");
    }

    @Test
    void aCutNeverKeepsHalfAnEntityInMrkdwn() {
        String text = "a".repeat(2_997) + "&amp;b";

        assertThat(BlockKitLimits.cut(text, 3_000, true)).isEqualTo("a".repeat(2_997) + "…");
        assertThat(BlockKitLimits.cut("a".repeat(2_995) + "&lt;&gt;b", 3_000, true))
                .isEqualTo("a".repeat(2_995) + "&lt;…");
    }

    @Test
    void aCutNeverKeepsHalfALinkOrMentionInMrkdwn() {
        String link = "<https://remote.work/tickets/1?a=1&amp;b=2|Open the ticket>";

        assertThat(BlockKitLimits.cut("Alert " + link + " now", 30, true)).isEqualTo("Alert…");
        assertThat(BlockKitLimits.cut("<!here> " + "x".repeat(100), 30, true)).isEqualTo("<!here> " + "x".repeat(21) + "…");
        assertThat(BlockKitLimits.cut("abc <!her", 8, true)).isEqualTo("abc…");
    }

    @Test
    void plainTextIsCutWhereverTheLimitFalls() {
        assertThat(BlockKitLimits.cut("a".repeat(146) + "&amp; more", 150, false))
                .isEqualTo("a".repeat(146) + "&am…");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String text = "a".repeat(148) + "😀😀";

        String cut = BlockKitLimits.cut(text, 150, false);

        assertThat(cut).isEqualTo("a".repeat(148) + "…");
    }

    @Test
    void aCutDropsTheSpaceBeforeTheEllipsis() {
        assertThat(BlockKitLimits.cut("word " + "x".repeat(200), 6, false)).isEqualTo("word…");
    }

    static ObjectNode message(ObjectNode... blocks) {
        ObjectNode message = JSON.objectNode().put("text", "fallback");
        ArrayNode array = message.putArray("blocks");
        for (ObjectNode block : blocks) {
            array.add(block);
        }
        return message;
    }

    static ObjectNode text(String type, String text) {
        return JSON.objectNode().put("type", type).put("text", text);
    }

    static ObjectNode header(String text) {
        ObjectNode header = JSON.objectNode().put("type", "header");
        header.set("text", text("plain_text", text));
        return header;
    }

    static ObjectNode section(String text) {
        ObjectNode section = JSON.objectNode().put("type", "section");
        section.set("text", text("mrkdwn", text));
        return section;
    }

    static ObjectNode fields(int count, String text) {
        ObjectNode section = JSON.objectNode().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        IntStream.range(0, count).forEach(i -> fields.add(text("mrkdwn", text)));
        return section;
    }

    static ObjectNode button(String text) {
        ObjectNode button = JSON.objectNode().put("type", "button").put("url", "https://remote.work/x");
        button.set("text", text("plain_text", text));
        return button;
    }

    static ObjectNode actions(ObjectNode button) {
        ObjectNode actions = JSON.objectNode().put("type", "actions");
        actions.putArray("elements").add(button);
        return actions;
    }

    static ObjectNode context(String text) {
        ObjectNode context = JSON.objectNode().put("type", "context");
        context.putArray("elements").add(text("mrkdwn", text));
        return context;
    }
}

package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import work.remote.events.EventJson;

class MrkdwnTest {

    @Test
    void escapesTheThreeControlCharactersAndUnescapesExactlyWhatItEscaped() {
        String typed = "<!channel> <https://evil|here> Q&A &amp; &lt;";

        String escaped = Mrkdwn.escape(typed);

        assertThat(escaped).isEqualTo("&lt;!channel&gt; &lt;https://evil|here&gt; Q&amp;A &amp;amp; &amp;lt;");
        assertThat(Mrkdwn.unescape(escaped)).isEqualTo(typed);
    }

    @Test
    void escapesEveryStringOfTheDataAtAnyDepthAndLeavesTheRest() throws Exception {
        JsonNode data = EventJson.mapper().readTree("""
                {"title": "<!here>", "count": 3, "subject": {"title": "a & b"}, "names": ["<x>", "y"], "gone": null}""");

        JsonNode escaped = Mrkdwn.escapeStrings(data);

        assertThat(escaped.toString()).isEqualTo("""
                {"title":"&lt;!here&gt;","count":3,"subject":{"title":"a &amp; b"},"names":["&lt;x&gt;","y"],"gone":null}""");
        assertThat(data.path("title").asText()).isEqualTo("<!here>");
    }

    @Test
    void marksMrkdwnVerbatimAndDecodesEverythingElse() throws Exception {
        ObjectNode message = (ObjectNode) EventJson.mapper().readTree("""
                {"text": "&lt;x&gt;", "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": "&lt;x&gt; &amp; y"}},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "&lt;x&gt;"},
                   "fields": [{"type": "mrkdwn", "text": "&amp;"}, {"type": "plain_text", "text": "&amp;"}]},
                  {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "&lt;b&gt;"},
                   "url": "https://remote.work/t?a=1&amp;b=2", "value": "&lt;v&gt;"}]}]}""");

        Mrkdwn.settle(message);

        assertThat(message.toString()).isEqualTo(EventJson.mapper().readTree("""
                {"text": "&lt;x&gt;", "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": "<x> & y"}},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "&lt;x&gt;", "verbatim": true},
                   "fields": [{"type": "mrkdwn", "text": "&amp;", "verbatim": true}, {"type": "plain_text", "text": "&"}]},
                  {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "<b>"},
                   "url": "https://remote.work/t?a=1&b=2", "value": "<v>"}]}]}""").toString());
    }
}

package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SlackSinkTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static SlackSink sink;

    @BeforeAll
    static void startSink() {
        sink = SlackSink.start(0);
    }

    @AfterAll
    static void closeSink() {
        sink.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        sink.clear();
    }

    @Test
    void recordsAWebhookCallAndAnswersLikeSlack() throws Exception {
        Instant before = Instant.now();

        HttpResponse<String> response = post(sink.webhookUrl("T0/B0/launch"), "{\"text\":\"Launch started\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(sink.calls()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/services/T0/B0/launch");
            assertThat(call.body()).isEqualTo("{\"text\":\"Launch started\"}");
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.receivedAt()).isBetween(before, Instant.now());
        });
    }

    @Test
    void servesScriptedAnswersInOrderThenOkAgain() throws Exception {
        sink.respondNext(429, Map.of("Retry-After", "1"), "rate_limited");
        sink.respondNext(500, Map.of(), "internal_error");

        HttpResponse<String> limited = post(sink.webhookUrl("T0/B0/x"), "{}");
        HttpResponse<String> failed = post(sink.webhookUrl("T0/B0/x"), "{}");
        HttpResponse<String> ok = post(sink.webhookUrl("T0/B0/x"), "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.body()).isEqualTo("rate_limited");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(sink.calls()).extracting(SlackSink.SlackCall::status).containsExactly(429, 500, 200);
    }

    @Test
    void listsCallsAsJsonAndClearsThem() throws Exception {
        post(sink.webhookUrl("T0/B0/list"), "{\"blocks\":[{\"type\":\"section\"}]}");
        post(sink.webhookUrl("T0/B0/list"), "plain words");

        HttpResponse<String> listing = HTTP.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/calls")).build(),
                BodyHandlers.ofString());

        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode calls = new ObjectMapper().readTree(listing.body());
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("path").asText()).isEqualTo("/services/T0/B0/list");
        assertThat(calls.get(0).get("body").get("blocks").get(0).get("type").asText()).isEqualTo("section");
        assertThat(calls.get(1).get("body").asText()).isEqualTo("plain words");
        assertThat(Instant.parse(calls.get(0).get("receivedAt").asText())).isEqualTo(sink.calls().get(0).receivedAt());
        assertThat(calls.get(0).get("receivedAtEpochMicros").asLong()).isEqualTo(sink.calls().get(0).receivedAtEpochMicros());

        HttpResponse<String> cleared = HTTP.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/calls")).DELETE().build(),
                BodyHandlers.ofString());

        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(sink.calls()).isEmpty();
    }

    @Test
    void listsOnlyTheCallsAfterThoseAlreadySeen() throws Exception {
        post(sink.webhookUrl("T0/B0/since"), "first");
        post(sink.webhookUrl("T0/B0/since"), "second");
        post(sink.webhookUrl("T0/B0/since"), "third");

        JsonNode afterOne = JSON.readTree(get("/calls?since=1").body());
        JsonNode afterAll = JSON.readTree(get("/calls?since=3").body());
        JsonNode beyond = JSON.readTree(get("/calls?since=7").body());

        assertThat(afterOne).extracting(call -> call.get("body").asText()).containsExactly("second", "third");
        assertThat(afterAll).isEmpty();
        assertThat(beyond).isEmpty();
    }

    @Test
    void refusesASinceThatIsNotACount() throws Exception {
        HttpResponse<String> response = get("/calls?since=-1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("since");
    }

    @Test
    void acceptsOnlyPostOnWebhooks() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sink.webhookUrl("T0/B0/x"))).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(sink.calls()).isEmpty();
    }

    @Test
    void answersCallsInParallel() {
        List<Integer> statuses = IntStream.range(0, 20).parallel()
                .mapToObj(i -> {
                    try {
                        return post(sink.webhookUrl("T0/B0/parallel"), "{\"n\":" + i + "}").statusCode();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();

        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(sink.calls()).hasSize(20);
    }

    @Test
    void acceptsAMessageAtEveryLimit() throws Exception {
        ObjectNode message = message(header("h".repeat(150)), section("s".repeat(3_000)),
                fields(10, "f".repeat(2_000)), actions(button("b".repeat(75))), context("c".repeat(3_000)));
        while (message.withArray("blocks").size() < 50) {
            message.withArray("blocks").add(section("filler"));
        }

        assertThat(BlockKitValidator.check(message.toString()).problems()).isEmpty();
        HttpResponse<String> response = post(sink.webhookUrl("T0/B0/limits"), message.toString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "header over 150;blocks[0].text has 151 characters, more than 150",
            "section text over 3000;blocks[0].text has 3001 characters, more than 3000",
            "field over 2000;blocks[0].fields[1] has 2001 characters, more than 2000",
            "11 fields;blocks[0].fields has 11 items, more than 10",
            "button text over 75;blocks[0].elements[0].text has 76 characters, more than 75",
            "context text over 3000;blocks[0].elements[0] has 3001 characters, more than 3000",
            "51 blocks;blocks has 51 items, more than 50",
            "mrkdwn header;blocks[0].text has type 'mrkdwn', not plain_text",
            "section without text;blocks[0] has neither text nor fields"})
    void refusesABodyOverALimitWithInvalidBlocksAndRecordsTheCall(String violation, String problem) throws Exception {
        ObjectNode message = switch (violation) {
            case "header over 150" -> message(header("h".repeat(151)));
            case "section text over 3000" -> message(section("s".repeat(3_001)));
            case "field over 2000" -> message(fieldsOf("ok", "f".repeat(2_001)));
            case "11 fields" -> message(fields(11, "f"));
            case "button text over 75" -> message(actions(button("b".repeat(76))));
            case "context text over 3000" -> message(context("c".repeat(3_001)));
            case "51 blocks" -> message(IntStream.range(0, 51).mapToObj(i -> section("s" + i)).toArray(ObjectNode[]::new));
            case "mrkdwn header" -> message(header("h").set("text", mrkdwn("*h*")));
            case "section without text" -> message(JSON.createObjectNode().put("type", "section"));
            default -> throw new IllegalArgumentException(violation);
        };

        HttpResponse<String> response = post(sink.webhookUrl("T0/B0/strict"), message.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("invalid_blocks");
        assertThat(BlockKitValidator.check(message.toString()).problems()).containsExactly(problem);
        assertThat(sink.calls()).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(400);
            assertThat(call.body()).isEqualTo(message.toString());
        });
    }

    @Test
    void refusesABodyThatIsNotAJsonObjectAsSlackDoes() throws Exception {
        HttpResponse<String> words = post(sink.webhookUrl("T0/B0/strict"), "plain words");
        HttpResponse<String> array = post(sink.webhookUrl("T0/B0/strict"), "[]");

        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).isEqualTo("invalid_payload");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.body()).isEqualTo("invalid_payload");
        assertThat(sink.calls()).extracting(SlackSink.SlackCall::status).containsExactly(400, 400);
    }

    @Test
    void aLenientSinkAcceptsAnyBodyUntilCleared() throws Exception {
        sink.strict(false);
        HttpResponse<String> lenient = post(sink.webhookUrl("T0/B0/lenient"), message(header("h".repeat(151))).toString());
        sink.clear();
        HttpResponse<String> strictAgain = post(sink.webhookUrl("T0/B0/lenient"), message(header("h".repeat(151))).toString());

        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(strictAgain.statusCode()).isEqualTo(400);
    }

    @Test
    void aRefusedBodyLeavesTheScriptedAnswerForTheNextCall() throws Exception {
        sink.respondNext(500, Map.of(), "internal_error");

        HttpResponse<String> refused = post(sink.webhookUrl("T0/B0/x"), message(header("h".repeat(151))).toString());
        HttpResponse<String> scripted = post(sink.webhookUrl("T0/B0/x"), "{\"text\":\"hi\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(scripted.statusCode()).isEqualTo(500);
    }

    @Test
    void injectedFaultsAnswerTheirSharesOfCallsWithRetryAfter() throws Exception {
        sink.injectFaults(0.2, 0.3, Duration.ofMillis(1_500), 42);

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            responses.add(post(sink.webhookUrl("T0/B0/faults"), "{\"text\":\"call " + i + "\"}"));
        }

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(200, 429, 500);
        assertThat(byStatus.get(500)).isBetween(50L, 110L);
        assertThat(byStatus.get(429)).isBetween(90L, 150L);
        assertThat(responses).filteredOn(response -> response.statusCode() == 429).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(response.body()).isEqualTo("rate_limited");
        });
        assertThat(sink.calls()).extracting(SlackSink.SlackCall::status)
                .containsExactlyElementsOf(responses.stream().map(HttpResponse::statusCode).toList());
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndClearingThemAnswersOkAgain() throws Exception {
        sink.injectFaults(0.3, 0.3, Duration.ofSeconds(1), 7);
        List<Integer> first = statusesOf(30);
        sink.injectFaults(0.3, 0.3, Duration.ofSeconds(1), 7);
        List<Integer> again = statusesOf(30);
        sink.injectFaults(0.3, 0.3, Duration.ofSeconds(1), 8);
        List<Integer> otherSeed = statusesOf(30);
        sink.clearFaults();
        List<Integer> cleared = statusesOf(10);
        sink.injectFaults(1, 0, Duration.ofSeconds(1), 7);
        sink.clear();
        List<Integer> afterClear = statusesOf(10);

        assertThat(first).contains(200, 429, 500).isEqualTo(again).isNotEqualTo(otherSeed);
        assertThat(cleared).containsOnly(200);
        assertThat(afterClear).containsOnly(200);
    }

    @Test
    void faultsComeAfterScriptedAnswersAndNeverHideARefusal() throws Exception {
        sink.injectFaults(1, 0, Duration.ofSeconds(1), 1);
        sink.respondNext(429, Map.of("Retry-After", "3"), "rate_limited");

        HttpResponse<String> refused = post(sink.webhookUrl("T0/B0/x"), message(header("h".repeat(151))).toString());
        HttpResponse<String> scripted = post(sink.webhookUrl("T0/B0/x"), "{}");
        HttpResponse<String> faulty = post(sink.webhookUrl("T0/B0/x"), "{}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("invalid_blocks");
        assertThat(scripted.statusCode()).isEqualTo(429);
        assertThat(faulty.statusCode()).isEqualTo(500);
    }

    @Test
    void refusesFaultSharesThatAreNotProbabilities() {
        assertThatThrownBy(() -> sink.injectFaults(0.6, 0.5, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sink.injectFaults(-0.1, 0, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sink.injectFaults(0.1, 0, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<Integer> statusesOf(int calls) throws IOException, InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(post(sink.webhookUrl("T0/B0/seeded"), "{\"text\":\"call\"}").statusCode());
        }
        return statuses;
    }

    static ObjectNode message(ObjectNode... blocks) {
        ObjectNode message = JSON.createObjectNode().put("text", "fallback");
        ArrayNode array = message.putArray("blocks");
        for (ObjectNode block : blocks) {
            array.add(block);
        }
        return message;
    }

    static ObjectNode plainText(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text);
    }

    static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    static ObjectNode header(String text) {
        ObjectNode header = JSON.createObjectNode().put("type", "header");
        header.set("text", plainText(text));
        return header;
    }

    static ObjectNode section(String text) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        section.set("text", mrkdwn(text));
        return section;
    }

    static ObjectNode fields(int count, String text) {
        return fieldsOf(IntStream.range(0, count).mapToObj(i -> text).toArray(String[]::new));
    }

    static ObjectNode fieldsOf(String... texts) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        for (String text : texts) {
            fields.add(mrkdwn(text));
        }
        return section;
    }

    static ObjectNode button(String text) {
        ObjectNode button = JSON.createObjectNode().put("type", "button").put("url", "https://remote.work/x");
        button.set("text", plainText(text));
        return button;
    }

    static ObjectNode actions(ObjectNode... elements) {
        ObjectNode actions = JSON.createObjectNode().put("type", "actions");
        ArrayNode array = actions.putArray("elements");
        for (ObjectNode element : elements) {
            array.add(element);
        }
        return actions;
    }

    static ObjectNode context(String text) {
        ObjectNode context = JSON.createObjectNode().put("type", "context");
        context.putArray("elements").add(mrkdwn(text));
        return context;
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + path)).build(), BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build(), BodyHandlers.ofString());
    }
}

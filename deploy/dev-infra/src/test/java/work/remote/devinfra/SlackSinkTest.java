package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SlackSinkTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
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

    static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build(), BodyHandlers.ofString());
    }
}

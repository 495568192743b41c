package work.remote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The webhook calls the stack's Slack sink received, read incrementally with {@code GET /calls?since=<seen>}: each
 * poll transfers only the calls since the previous one, however many the sink holds.
 */
final class SinkCalls {

    /** One webhook call as the sink recorded it. */
    record Call(String path, int status, String body, long receivedAtMicros) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String sinkUrl;
    private int seen;

    SinkCalls(String sinkUrl) {
        this.sinkUrl = sinkUrl;
    }

    /** The calls received since the previous poll, oldest first. */
    List<Call> poll() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sinkUrl + "/calls?since=" + seen))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /calls?since=" + seen + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        List<Call> calls = new ArrayList<>();
        for (JsonNode call : JSON.readTree(response.body())) {
            calls.add(new Call(call.path("path").asText(), call.path("status").asInt(), call.path("body").toString(),
                    call.path("receivedAtEpochMicros").asLong()));
        }
        seen += calls.size();
        return calls;
    }
}

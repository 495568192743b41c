package work.remote.devinfra;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * A stand-in for Slack incoming webhooks. Every {@code POST /services/...} is recorded and answered like
 * Slack does ({@code 200 ok}) unless a test scripted other answers with {@link #respondNext}.
 * {@code GET /calls} lists the recorded calls as JSON, {@code DELETE /calls} forgets them.
 */
public final class SlackSink implements AutoCloseable {

    /** One webhook call and the status the sink answered it with. */
    public record SlackCall(String path, String body, Instant receivedAt, int status) {

        /** Microseconds since the epoch, the resolution the benchmark measures latencies in. */
        public long receivedAtEpochMicros() {
            return receivedAt.getEpochSecond() * 1_000_000L + receivedAt.getNano() / 1_000;
        }
    }

    private record ScriptedResponse(int status, Map<String, String> headers, String body) {
    }

    private final HttpEndpoint endpoint;
    private final List<SlackCall> calls = new CopyOnWriteArrayList<>();
    private final Queue<ScriptedResponse> script = new ConcurrentLinkedQueue<>();
    private volatile Runnable whenCalled = () -> {
    };

    SlackSink(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
        endpoint.route("/services/", this::webhook);
        endpoint.route("/calls", this::listing);
    }

    /** @param port 0 for a free port */
    public static SlackSink start(int port) {
        return new SlackSink(HttpEndpoint.start(port, "slack-sink"));
    }

    public String baseUrl() {
        return endpoint.baseUrl();
    }

    public int port() {
        return endpoint.port();
    }

    /** The incoming-webhook URL for {@code name}, e.g. {@code T0/B0/test}. */
    public String webhookUrl(String name) {
        return baseUrl() + "/services/" + name;
    }

    /** Every call so far, oldest first. */
    public List<SlackCall> calls() {
        return List.copyOf(calls);
    }

    /**
     * Queues the answer to the next webhook call that has no scripted answer yet, e.g. a 500, or a 429 with
     * {@code Retry-After: 1}. Calls beyond the queued answers get {@code 200 ok}.
     */
    public void respondNext(int status, Map<String, String> headers, String body) {
        script.add(new ScriptedResponse(status, Map.copyOf(headers), body));
    }

    /**
     * Runs {@code action} on every webhook call after it is received and before it is answered, e.g. to drop the
     * caller's database connections while its send is in flight.
     */
    public void whenCalled(Runnable action) {
        whenCalled = action;
    }

    /** Forgets the recorded calls and any answers scripted but not used yet. */
    public void clear() {
        calls.clear();
        script.clear();
        whenCalled = () -> {
        };
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private void webhook(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpEndpoint.methodNotAllowed(exchange, "POST");
            return;
        }
        String body = HttpEndpoint.body(exchange);
        whenCalled.run();
        ScriptedResponse response = script.poll();
        if (response == null) {
            response = new ScriptedResponse(200, Map.of(), "ok");
        }
        calls.add(new SlackCall(exchange.getRequestURI().getPath(), body, Instant.now(), response.status()));
        HttpEndpoint.respond(exchange, response.status(), "text/plain; charset=utf-8", response.headers(),
                response.body());
    }

    private void listing(HttpExchange exchange) throws IOException {
        if (!"/calls".equals(exchange.getRequestURI().getPath())) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> HttpEndpoint.respondJson(exchange, 200, calls.stream().map(SlackSink::toJson).toList());
            case "DELETE" -> {
                clear();
                HttpEndpoint.respond(exchange, 204, null, Map.of(), null);
            }
            default -> HttpEndpoint.methodNotAllowed(exchange, "GET, DELETE");
        }
    }

    private static Map<String, Object> toJson(SlackCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", call.path());
        json.put("body", HttpEndpoint.jsonOrText(call.body()));
        json.put("status", call.status());
        json.put("receivedAt", call.receivedAt().toString());
        json.put("receivedAtEpochMicros", call.receivedAtEpochMicros());
        return json;
    }
}

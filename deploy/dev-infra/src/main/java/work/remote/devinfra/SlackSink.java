package work.remote.devinfra;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A stand-in for Slack: incoming webhooks, and a small Web API on {@code /api/<method>} over a {@link SlackWorkspace}.
 * Every {@code POST /services/...} is recorded with the status it was answered with. In strict mode (the default) a
 * body Slack would refuse is answered {@code 400} with Slack's error ({@code invalid_blocks}, or {@code invalid_payload} for a body that is not a JSON object; see
 * {@link BlockKitValidator}); any other call gets the next answer a test scripted with {@link #respondNext}, else a
 * fault drawn by {@link #injectFaults}, else {@code 200 ok} like Slack.
 * {@code GET /calls} lists the recorded calls as JSON, oldest first; {@code GET /calls?since=<n>} only those after the
 * first {@code n}, so a poller that passes the number of calls it has seen so far reads each call once.
 * {@code DELETE /calls} forgets them (and counting starts over).
 * <p>
 * A Web API call ({@code POST /api/chat.postMessage} etc., form-encoded as Slack's SDK sends it, or JSON) takes the
 * next scripted answer or a drawn fault the same way (then answered with Slack's JSON error, {@code ratelimited} with
 * {@code Retry-After} for a 429, and without effect); otherwise the workspace runs it. Every Web API call is recorded
 * in {@link #apiCalls()}. {@code POST /response/<id>} takes what an app posts to a {@code response_url}.
 * {@code GET /messages} lists the messages posted through the Web API with their versions.
 */
public final class SlackSink implements AutoCloseable {

    /** One webhook call and the status the sink answered it with. */
    public record SlackCall(String path, String body, Instant receivedAt, int status) {

        /** Microseconds since the epoch, the resolution the benchmark measures latencies in. */
        public long receivedAtEpochMicros() {
            return receivedAt.getEpochSecond() * 1_000_000L + receivedAt.getNano() / 1_000;
        }
    }

    /** One Web API call: the method, its parameters (no token), the status and Slack's error, null when ok. */
    public record ApiCall(String method, Map<String, String> params, Instant receivedAt, int status, String error) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        static final Answer OK = new Answer(200, Map.of(), "ok");
    }

    /** Server errors and rate limits for a share of the calls each, drawn from a seeded sequence. */
    private record Faults(double serverErrorShare, double rateLimitShare, String retryAfterSeconds, Random draws) {

        Answer answer() {
            double draw;
            synchronized (draws) {
                draw = draws.nextDouble();
            }
            if (draw < serverErrorShare) {
                return new Answer(500, Map.of(), "internal_error");
            }
            if (draw < serverErrorShare + rateLimitShare) {
                return new Answer(429, Map.of("Retry-After", retryAfterSeconds), "rate_limited");
            }
            return Answer.OK;
        }
    }

    private final HttpEndpoint endpoint;
    private final SlackWorkspace workspace;
    private final List<SlackCall> calls = new CopyOnWriteArrayList<>();
    private final List<ApiCall> apiCalls = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile boolean strict = true;
    private volatile Faults faults;
    private volatile Runnable whenCalled = () -> {
    };

    SlackSink(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
        this.workspace = new SlackWorkspace(endpoint::baseUrl);
        endpoint.route("/services/", this::webhook);
        endpoint.route("/calls", this::listing);
        endpoint.route("/api/", this::webApi);
        endpoint.route("/response/", this::responseUrl);
        endpoint.route("/messages", this::messages);
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

    /** Every webhook call so far, oldest first. */
    public List<SlackCall> calls() {
        return List.copyOf(calls);
    }

    /** The workspace behind the Web API: its directory, tokens, messages, views and response posts. */
    public SlackWorkspace workspace() {
        return workspace;
    }

    /** The prefix for {@code SlackConfig.setMethodsEndpointUrlPrefix}: {@code http://127.0.0.1:<port>/api/}. */
    public String apiUrl() {
        return workspace.apiUrl();
    }

    /** Every Web API call so far, oldest first. */
    public List<ApiCall> apiCalls() {
        return List.copyOf(apiCalls);
    }

    /**
     * Serves {@code /slack/try/report} and {@code /slack/try/press} (see {@link SlackTryout}): a person's gestures in
     * Slack, sent as signed requests to the app whose slash command and interactivity request URLs are
     * {@code commands} and {@code interactions}.
     */
    public void tryOut(URI commands, URI interactions, String signingSecret) {
        endpoint.route("/slack/try/", new SlackTryout(workspace, requests(signingSecret), commands, interactions)::handle);
    }

    /** Builds the requests Slack sends to an app, signed with {@code signingSecret}, issuing ids on this stand-in. */
    public SlackRequests requests(String signingSecret) {
        return new SlackRequests(workspace, signingSecret);
    }

    /**
     * Queues the answer to the next webhook call (with a body strict mode accepts) or Web API call that has no
     * scripted answer yet, e.g. a 500, or a 429 with {@code Retry-After: 1}. Calls beyond the queued answers are
     * answered as usual. A Web API call gets the status and headers with Slack's JSON error.
     */
    public void respondNext(int status, Map<String, String> headers, String body) {
        script.add(new Answer(status, Map.copyOf(headers), body));
    }

    /**
     * Strict (the default): refuse a webhook body Slack would refuse, as Slack does. Lenient: accept any webhook body.
     * The Web API refuses blocks over Block Kit's limits either way.
     */
    public void strict(boolean strict) {
        this.strict = strict;
    }

    /**
     * From now on answers each webhook or Web API call that has no scripted answer {@code 500} with probability
     * {@code serverErrorShare}, {@code 429} with {@code Retry-After: <retryAfter in whole seconds, rounded up>} with
     * probability {@code rateLimitShare}, and normally otherwise. The same seed gives the same sequence of answers
     * to the calls in the order they arrive. A body refused in strict mode is refused whatever the draw, and draws
     * nothing.
     */
    public void injectFaults(double serverErrorShare, double rateLimitShare, Duration retryAfter, long seed) {
        if (serverErrorShare < 0 || rateLimitShare < 0 || serverErrorShare + rateLimitShare > 1) {
            throw new IllegalArgumentException("shares must be at least 0 and add up to at most 1, not "
                    + serverErrorShare + " and " + rateLimitShare);
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter cannot be negative: " + retryAfter);
        }
        long wholeSecondsRoundedUp = retryAfter.plusNanos(999_999_999).getSeconds();
        faults = new Faults(serverErrorShare, rateLimitShare, Long.toString(wholeSecondsRoundedUp), new Random(seed));
    }

    /** Answers calls normally again (scripted answers and strict mode stay). */
    public void clearFaults() {
        faults = null;
    }

    /**
     * Runs {@code action} on every webhook and Web API call after it is received and before it is answered, e.g. to
     * drop the caller's database connections while its send is in flight.
     */
    public void whenCalled(Runnable action) {
        whenCalled = action;
    }

    /**
     * Forgets the recorded calls, any answers scripted but not used yet, faults and the hook, and what the workspace
     * was sent (see {@link SlackWorkspace#clear()}); back to strict.
     */
    public void clear() {
        calls.clear();
        apiCalls.clear();
        workspace.clear();
        script.clear();
        clearFaults();
        strict = true;
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
        Answer answer = answer(body);
        calls.add(new SlackCall(exchange.getRequestURI().getPath(), body, Instant.now(), answer.status()));
        HttpEndpoint.respond(exchange, answer.status(), "text/plain; charset=utf-8", answer.headers(), answer.body());
    }

    private Answer answer(String body) {
        if (strict) {
            BlockKitValidator.Verdict verdict = BlockKitValidator.check(body);
            if (!verdict.accepted()) {
                return new Answer(400, Map.of(), verdict.error());
            }
        }
        return scriptedOrDrawn();
    }

    private Answer scriptedOrDrawn() {
        Answer scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        Faults injected = faults;
        return injected == null ? Answer.OK : injected.answer();
    }

    private void webApi(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpEndpoint.methodNotAllowed(exchange, "POST");
            return;
        }
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = HttpEndpoint.body(exchange);
        Map<String, String> params = new LinkedHashMap<>(apiParams(exchange, body));
        String token = bearerToken(exchange).orElse(params.remove("token"));
        whenCalled.run();
        Answer answer = scriptedOrDrawn();
        if (answer.status() != 200) {
            String error = answer.status() == 429 ? "ratelimited" : "internal_error";
            apiCalls.add(new ApiCall(method, Map.copyOf(params), Instant.now(), answer.status(), error));
            HttpEndpoint.respond(exchange, answer.status(), "application/json; charset=utf-8", answer.headers(),
                    HttpEndpoint.JSON.createObjectNode().put("ok", false).put("error", error).toString());
            return;
        }
        ObjectNode result;
        try {
            result = HttpEndpoint.JSON.createObjectNode().put("ok", true).setAll(workspace.call(method, token, params));
        } catch (SlackWorkspace.Refusal refusal) {
            result = HttpEndpoint.JSON.createObjectNode().put("ok", false).put("error", refusal.error);
        }
        String error = result.get("ok").asBoolean() ? null : result.get("error").asText();
        apiCalls.add(new ApiCall(method, Map.copyOf(params), Instant.now(), 200, error));
        HttpEndpoint.respond(exchange, 200, "application/json; charset=utf-8", Map.of(), result.toString());
    }

    /** Slack takes a method's arguments form-encoded (as its SDK sends them) or, for write methods, as JSON. */
    private static Map<String, String> apiParams(HttpExchange exchange, String body) {
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (contentType.startsWith("application/json")) {
            Map<String, String> params = new LinkedHashMap<>();
            HttpEndpoint.jsonOrText(body).fields().forEachRemaining(field -> params.put(field.getKey(),
                    field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
            return params;
        }
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        for (String encoded : List.of(query == null ? "" : query, body)) {
            params.putAll(HttpEndpoint.formFields(encoded));
        }
        return params;
    }

    private static Optional<String> bearerToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim());
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpEndpoint.methodNotAllowed(exchange, "POST");
            return;
        }
        String body = HttpEndpoint.body(exchange);
        if (!workspace.respond(baseUrl() + exchange.getRequestURI().getPath(), body)) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        HttpEndpoint.respondJson(exchange, 200, Map.of("ok", true));
    }

    private void messages(HttpExchange exchange) throws IOException {
        if (!"/messages".equals(exchange.getRequestURI().getPath())) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpEndpoint.methodNotAllowed(exchange, "GET");
            return;
        }
        HttpEndpoint.respondJson(exchange, 200, workspace.listing());
    }

    private void listing(HttpExchange exchange) throws IOException {
        if (!"/calls".equals(exchange.getRequestURI().getPath())) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> listCalls(exchange);
            case "DELETE" -> {
                clear();
                HttpEndpoint.respond(exchange, 204, null, Map.of(), null);
            }
            default -> HttpEndpoint.methodNotAllowed(exchange, "GET, DELETE");
        }
    }

    private void listCalls(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String since = HttpEndpoint.formFields(query == null ? "" : query).getOrDefault("since", "0");
        if (!since.matches("\\d{1,9}")) {
            HttpEndpoint.respond(exchange, 400, "text/plain; charset=utf-8", Map.of(),
                    "since must be the number of calls already seen, not " + since);
            return;
        }
        List<SlackCall> recorded = calls();
        List<SlackCall> after = recorded.subList(Math.min(Integer.parseInt(since), recorded.size()), recorded.size());
        HttpEndpoint.respondJson(exchange, 200, after.stream().map(SlackSink::toJson).toList());
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

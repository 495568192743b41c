package work.remote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The calls the benchmarks make to notification-service's API, as ops. */
final class NotificationApi {

    static final String PRODUCT_CHANNEL = "#product";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESTORE_ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    NotificationApi(Properties stack) {
        this.baseUrl = stack.getProperty("notification.url");
        this.token = stack.getProperty("token.ops");
    }

    /** Registers a channel: {@code limit} holds {@code ratePerSecond} and {@code burst}, or {@code unlimited}. */
    String registerChannel(String name, String webhookUrl, Map<String, Object> limit) throws IOException {
        Map<String, Object> body = new HashMap<>(limit);
        body.put("name", name);
        body.put("webhookUrl", webhookUrl);
        return call("POST", "/channels", body, 201).path("id").asText();
    }

    String createRoute(Map<String, Object> route) throws IOException {
        return call("POST", "/routes", route, 201).path("id").asText();
    }

    void delete(String path) throws IOException {
        call("DELETE", path, null, 204);
    }

    /** How many deliveries of a launch's events are in {@code state}. */
    long deliveries(String launchId, String state) throws IOException {
        return call("GET", "/deliveries?size=1&launchId=" + launchId + "&state=" + state, null, 200).path("total")
                .asLong();
    }

    /** Lifts a channel's rate limit and answers what it was, for {@link #restoreLimit}. */
    Map<String, Object> liftLimit(String name) throws IOException {
        JsonNode channel = channel(name);
        Map<String, Object> previous = new HashMap<>();
        if (channel.path("unlimited").asBoolean()) {
            previous.put("unlimited", true);
        } else {
            previous.put("ratePerSecond", channel.path("ratePerSecond").asDouble());
            previous.put("burst", channel.path("burst").asInt());
        }
        change(channel, Map.of("unlimited", true));
        return previous;
    }

    /**
     * Puts a channel's limit back. A change can fail while the channel's deliveries are being sent (it touches their
     * rows too); it is tried again on the channel's current version a few times, each failure printed.
     */
    void restoreLimit(String name, Map<String, Object> limit) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                change(channel(name), limit);
                return;
            } catch (IllegalStateException refused) {
                System.err.printf("Restoring the limit of %s, attempt %d: %s%n", name, attempt, refused.getMessage());
                if (attempt == RESTORE_ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }

    /** How many deliveries to Slack channel {@code name} wait to be sent. */
    long pendingTo(String name) throws IOException {
        return call("GET", "/deliveries?size=1&state=PENDING&channel=SLACK&target="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), null, 200).path("total").asLong();
    }

    private void change(JsonNode channel, Map<String, Object> limit) throws IOException {
        Map<String, Object> body = new HashMap<>(limit);
        body.put("name", channel.path("name").asText());
        HttpRequest.Builder put = request("PUT", "/channels/" + channel.path("id").asText(), body)
                .header("If-Match", "\"" + channel.path("version").asLong() + "\"");
        send(put, "PUT", "/channels/" + channel.path("id").asText(), 200);
    }

    private JsonNode channel(String name) throws IOException {
        for (JsonNode channel : call("GET", "/channels?size=200", null, 200).path("items")) {
            if (channel.path("name").asText().equals(name)) {
                return channel;
            }
        }
        throw new IllegalStateException("notification-service has no channel " + name);
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) throws IOException {
        return send(request(method, path, body), method, path, expectedStatus);
    }

    private HttpRequest.Builder request(String method, String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private JsonNode send(HttpRequest.Builder request, String method, String path, int expectedStatus)
            throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}

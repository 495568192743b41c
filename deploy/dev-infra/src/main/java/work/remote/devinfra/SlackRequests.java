package work.remote.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import work.remote.devinfra.SlackWorkspace.Channel;
import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SlackWorkspace.OpenedView;
import work.remote.devinfra.SlackWorkspace.User;

/**
 * The requests Slack sends to an app, built as Slack builds them and signed with the app's signing secret: a slash
 * command, and the interactions {@code block_actions}, {@code view_submission} and {@code message_action} (a
 * message shortcut) as a {@code payload} form field. Trigger ids and {@code response_url}s are issued by the
 * {@link SlackWorkspace}, so {@code views.open} accepts the one and the stand-in keeps what is posted to the other.
 * Get one from {@link SlackSink#requests(String)}.
 */
public final class SlackRequests {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SlackWorkspace workspace;
    private final String signingSecret;

    SlackRequests(SlackWorkspace workspace, String signingSecret) {
        this.workspace = workspace;
        this.signingSecret = signingSecret;
    }

    /** A request not signed yet: sign it now, at a chosen time (a replay), or with another secret (a forgery). */
    public final class SlackRequest {

        private final String body;
        private final String triggerId;
        private final String responseUrl;

        private SlackRequest(String body, String triggerId, String responseUrl) {
            this.body = body;
            this.triggerId = triggerId;
            this.responseUrl = responseUrl;
        }

        public String body() {
            return body;
        }

        public String triggerId() {
            return triggerId;
        }

        /** Where the app answers later (see {@link SlackWorkspace#responses}); null for a view submission. */
        public String responseUrl() {
            return responseUrl;
        }

        public SignedRequest signed() {
            return signedAt(Instant.now());
        }

        public SignedRequest signedAt(Instant timestamp) {
            return signedWith(signingSecret, timestamp);
        }

        public SignedRequest signedWith(String secret, Instant timestamp) {
            String seconds = Long.toString(timestamp.getEpochSecond());
            return new SignedRequest(body, seconds, signature(secret, seconds, body));
        }
    }

    /** A signed request: post {@link #body()} with {@link #headers()} to the app's request URL. */
    public record SignedRequest(String body, String timestamp, String signature) {

        /** {@code Content-Type}, {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature}. */
        public Map<String, String> headers() {
            return Map.of("Content-Type", CONTENT_TYPE, TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, signature);
        }

        public HttpResponse<String> sendTo(URI requestUrl) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(requestUrl).POST(BodyPublishers.ofString(body));
            headers().forEach(request::header);
            return HTTP.send(request.build(), BodyHandlers.ofString());
        }
    }

    /** The values of a modal's inputs, as {@code view.state.values}: block id -> action id -> element state. */
    public static final class ViewState {

        private final ObjectNode values = HttpEndpoint.JSON.createObjectNode();

        /** A {@code plain_text_input}, also an {@code email_text_input} or {@code url_text_input} by its value. */
        public ViewState text(String blockId, String actionId, String value) {
            element(blockId, actionId, "plain_text_input").put("value", value);
            return this;
        }

        public ViewState number(String blockId, String actionId, String value) {
            element(blockId, actionId, "number_input").put("value", value);
            return this;
        }

        /** A {@code static_select} with the option of {@code value} chosen. */
        public ViewState option(String blockId, String actionId, String value) {
            element(blockId, actionId, "static_select").putObject("selected_option").put("value", value)
                    .putObject("text").put("type", "plain_text").put("text", value);
            return this;
        }

        /** Any other element, with its state as Slack sends it (including {@code type}). */
        public ViewState element(String blockId, String actionId, JsonNode state) {
            values.withObjectProperty(blockId).set(actionId, state.deepCopy());
            return this;
        }

        private ObjectNode element(String blockId, String actionId, String type) {
            return values.withObjectProperty(blockId).putObject(actionId).put("type", type);
        }
    }

    /** {@code HMAC-SHA256("v0:<timestamp>:<body>")} with {@code secret}, as Slack signs: {@code v0=<hex>}. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code /<command> <text>} typed by {@code user} in {@code channel}. */
    public SlackRequest slashCommand(String command, String text, User user, Channel channel) {
        String triggerId = workspace.issueTriggerId();
        String responseUrl = workspace.issueResponseUrl();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "");
        form.put("team_id", SlackWorkspace.TEAM_ID);
        form.put("team_domain", SlackWorkspace.TEAM_DOMAIN);
        form.put("channel_id", channel.id());
        form.put("channel_name", channel.name());
        form.put("user_id", user.id());
        form.put("user_name", user.name());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", SlackWorkspace.APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return new SlackRequest(formEncoded(form), triggerId, responseUrl);
    }

    /** {@code user} pressed the button {@code actionId} (with {@code value}) on {@code message} in {@code channel}. */
    public SlackRequest blockActions(User user, Channel channel, Message message, String actionId, String value) {
        if (!channel.id().equals(message.channel())) {
            throw new IllegalArgumentException("message " + message.ts() + " is in " + message.channel()
                    + ", not in " + channel.id());
        }
        String triggerId = workspace.issueTriggerId();
        String responseUrl = workspace.issueResponseUrl();
        ObjectNode payload = interaction("block_actions", user, triggerId);
        payload.putObject("container")
                .put("type", "message")
                .put("message_ts", message.ts())
                .put("channel_id", channel.id())
                .put("is_ephemeral", false);
        payload.set("channel", channelJson(channel));
        payload.set("message", SlackWorkspace.toJson(message));
        payload.put("response_url", responseUrl);
        ObjectNode action = payload.putArray("actions").addObject()
                .put("type", "button")
                .put("action_id", actionId)
                .put("block_id", blockIdOf(message, actionId))
                .put("value", value)
                .put("action_ts", Instant.now().getEpochSecond() + ".000000");
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        return new SlackRequest(payloadForm(payload), triggerId, responseUrl);
    }

    /** {@code user} submitted the modal {@code view} (as the app opened it) with {@code state}. */
    public SlackRequest viewSubmission(User user, OpenedView view, ViewState state) {
        ObjectNode submitted = ((ObjectNode) view.view().deepCopy()).put("id", view.id());
        return viewSubmission(user, submitted, state);
    }

    /** {@code user} submitted a modal with {@code callbackId} and {@code privateMetadata}, with {@code state}. */
    public SlackRequest viewSubmission(User user, String callbackId, String privateMetadata, ViewState state) {
        ObjectNode view = HttpEndpoint.JSON.createObjectNode()
                .put("id", workspace.nextViewId())
                .put("type", "modal")
                .put("callback_id", callbackId)
                .put("private_metadata", privateMetadata);
        return viewSubmission(user, view, state);
    }

    private SlackRequest viewSubmission(User user, ObjectNode view, ViewState state) {
        String triggerId = workspace.issueTriggerId();
        view.put("team_id", SlackWorkspace.TEAM_ID)
                .put("app_id", SlackWorkspace.APP_ID)
                .put("bot_id", SlackWorkspace.BOT_ID)
                .put("hash", Long.toHexString(Instant.now().toEpochMilli()));
        view.putObject("state").set("values", state.values.deepCopy());
        ObjectNode payload = interaction("view_submission", user, triggerId);
        payload.set("view", view);
        payload.putArray("response_urls");
        return new SlackRequest(payloadForm(payload), triggerId, null);
    }

    /** {@code user} chose the message shortcut {@code callbackId} on {@code message} in {@code channel}. */
    public SlackRequest messageShortcut(String callbackId, User user, Channel channel, Message message) {
        String triggerId = workspace.issueTriggerId();
        String responseUrl = workspace.issueResponseUrl();
        ObjectNode payload = interaction("message_action", user, triggerId);
        payload.put("callback_id", callbackId);
        payload.put("message_ts", message.ts());
        payload.set("channel", channelJson(channel));
        payload.set("message", SlackWorkspace.toJson(message));
        payload.put("response_url", responseUrl);
        return new SlackRequest(payloadForm(payload), triggerId, responseUrl);
    }

    private static ObjectNode interaction(String type, User user, String triggerId) {
        ObjectNode payload = HttpEndpoint.JSON.createObjectNode().put("type", type).put("token", "");
        payload.putObject("team").put("id", SlackWorkspace.TEAM_ID).put("domain", SlackWorkspace.TEAM_DOMAIN);
        payload.putObject("user")
                .put("id", user.id())
                .put("username", user.name())
                .put("name", user.name())
                .put("team_id", SlackWorkspace.TEAM_ID);
        payload.put("api_app_id", SlackWorkspace.APP_ID);
        payload.put("trigger_id", triggerId);
        payload.put("is_enterprise_install", false);
        return payload;
    }

    private static ObjectNode channelJson(Channel channel) {
        return HttpEndpoint.JSON.createObjectNode().put("id", channel.id()).put("name", channel.name());
    }

    /** The {@code block_id} of the block holding the element {@code actionId}, as Slack sends it; empty if none. */
    private static String blockIdOf(Message message, String actionId) {
        for (JsonNode block : message.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return block.path("block_id").asText();
                }
            }
            if (actionId.equals(block.path("accessory").path("action_id").asText())) {
                return block.path("block_id").asText();
            }
        }
        return "";
    }

    private static String payloadForm(ObjectNode payload) {
        return formEncoded(Map.of("payload", payload.toString()));
    }

    private static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

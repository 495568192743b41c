package work.remote.notification.service;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.slack.api.SlackConfig;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;

import io.quarkus.runtime.StartupEvent;

import okhttp3.FormBody;
import okhttp3.Response;

import work.remote.events.EventJson;
import work.remote.notification.SlackDestination;
import work.remote.notification.config.NotificationConfig;

/**
 * Posts and updates messages through Slack's Web API ({@code chat.postMessage}, {@code chat.update}) with Slack's
 * Java SDK, at {@code notification.slack.api-url}, which must be a destination a webhook could have (checked at start
 * and before every call; redirects are never followed). Tells a transient failure (HTTP 5xx, 408, 429 with its
 * {@code Retry-After}; Slack's {@code ratelimited} and server errors; a timeout, a connection error) from a refusal
 * for good (any other HTTP 4xx or Slack error, such as {@code channel_not_found}, {@code not_in_channel},
 * {@code invalid_auth}). The bot token is a secret: it goes only into the request's Authorization header. An error
 * names the channel, the method, and Slack's error code when it is one Slack documents, never anything else Slack
 * answered.
 */
@ApplicationScoped
public class SlackWebApi {

    private static final Logger LOG = Logger.getLogger(SlackWebApi.class);

    /** The error codes Slack documents for chat.postMessage and chat.update that are worth another try. */
    private static final Map<String, String> TRANSIENT = Map.of(
            "ratelimited", "rate limited",
            "internal_error", "server error",
            "fatal_error", "server error",
            "service_unavailable", "server error",
            "request_timeout", "timed out");

    /** The error codes Slack documents that refuse the call for good, each with a fixed reason. */
    private static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("channel_not_found", "channel not found"),
            Map.entry("not_in_channel", "the app is not in the channel: invite it"),
            Map.entry("is_archived", "channel archived"),
            Map.entry("not_authed", "no bot token"),
            Map.entry("invalid_auth", "bot token refused"),
            Map.entry("token_revoked", "bot token revoked"),
            Map.entry("token_expired", "bot token expired"),
            Map.entry("account_inactive", "bot token refused"),
            Map.entry("missing_scope", "the token lacks a scope: chat:write"),
            Map.entry("restricted_action", "posting is restricted in the channel"),
            Map.entry("invalid_blocks", "invalid blocks"),
            Map.entry("invalid_blocks_format", "invalid blocks"),
            Map.entry("msg_too_long", "message too long"),
            Map.entry("no_text", "no text"),
            Map.entry("message_not_found", "message not found"),
            Map.entry("cant_update_message", "the app cannot update that message"),
            Map.entry("edit_window_closed", "the message can no longer be edited"));

    private final NotificationConfig.Slack config;
    private final Clock clock;
    private final WebhookDestinations destinations;
    private final SlackConfig sdk;
    private final SlackHttpClient http;
    /**
     * Reads the answers. The SDK's own methods client builds a new Gson for every answer, whose reflection over the
     * response types was half of a sender's CPU; one Gson, built once, reads them the same way.
     */
    private final Gson answers;

    @Inject
    public SlackWebApi(NotificationConfig config, Clock clock, WebhookDestinations destinations) {
        this.config = config.slack();
        this.clock = clock;
        this.destinations = destinations;
        this.sdk = new SlackConfig();
        sdk.setMethodsEndpointUrlPrefix(this.config.apiUrl());
        // the SDK's call statistics would first call auth.test for each token's team: one more call, and one more
        // failure, per attempt that has nothing to do with the message; and they keep threads of their own
        sdk.setStatsEnabled(false);
        sdk.getMethodsConfig().setStatsEnabled(false);
        int timeout = Math.toIntExact(this.config.timeout().toMillis());
        sdk.setHttpClientCallTimeoutMillis(timeout);
        sdk.setHttpClientReadTimeoutMillis(timeout);
        sdk.setHttpClientWriteTimeoutMillis(timeout);
        this.http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(sdk).newBuilder()
                .followRedirects(false).followSslRedirects(false).build());
        http.setConfig(sdk);
        this.answers = GsonFactory.createSnakeCase(sdk);
    }

    /** Refuses to start with a Web API URL that no webhook could have either. */
    void checkDestination(@Observes StartupEvent startup) {
        destinations.refusal(config.apiUrl()).ifPresent(refusal -> {
            throw new IllegalStateException("notification.slack.api-url is refused: it " + refusal);
        });
    }

    @PreDestroy
    void close() {
        try {
            http.close();
        } catch (Exception e) {
            LOG.debugf("Closing the Slack client: %s", e);
        }
    }

    /** Sends {@code message} (Block Kit JSON with its fallback {@code text}) to {@code channel} as {@code to} says. */
    public SendResult send(String channel, SlackDestination.WebApi to, String message) {
        String method = to.isUpdate() ? "chat.update" : "chat.postMessage";
        String where = "Slack " + channel + " (" + method + ")";
        if (destinations.refusal(config.apiUrl()).isPresent()) {
            return SendResult.giveUp(where + ": Web API destination refused (not an allowed host, or it resolves "
                    + "to a private address); check notification.slack.api-url, then replay");
        }
        JsonNode parsed = parse(message);
        String text = parsed.path("text").asText();
        String blocks = parsed.path("blocks").toString();
        try {
            if (to.isUpdate()) {
                ChatUpdateResponse updated = call(method, to.botToken(), RequestFormBuilder.toForm(
                        ChatUpdateRequest.builder().channel(to.channelId()).ts(to.updateTs()).text(text)
                                .blocksAsString(blocks).build()), ChatUpdateResponse.class);
                return updated.isOk() ? SendResult.posted(updated.getChannel(), updated.getTs(), null)
                        : refused(where, updated);
            }
            ChatPostMessageResponse posted = call(method, to.botToken(), RequestFormBuilder.toForm(
                    ChatPostMessageRequest.builder().channel(to.channelId()).threadTs(to.threadTs())
                            .replyBroadcast(to.broadcast()).text(text).blocksAsString(blocks).unfurlLinks(false)
                            .unfurlMedia(false).build()), ChatPostMessageResponse.class);
            return posted.isOk() ? SendResult.posted(posted.getChannel(), posted.getTs(), to.threadTs())
                    : refused(where, posted);
        } catch (SlackApiException e) {
            return failed(where, e);
        } catch (InterruptedIOException e) {
            return SendResult.retry(where + " unreachable (timed out)");
        } catch (IOException e) {
            return SendResult.retry(where + " unreachable (" + (e instanceof ConnectException ? "connection refused"
                    : "connection failed") + ")");
        }
    }

    /** Calls the Web API {@code method} as the SDK's methods client does; a status other than 2xx is thrown. */
    private <T extends SlackApiTextResponse> T call(String method, String token, FormBody.Builder form,
            Class<T> answer) throws IOException, SlackApiException {
        try (Response response = http.postFormWithBearerHeader(sdk.getMethodsEndpointUrlPrefix() + method, token,
                form.build())) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(sdk, response, body);
            }
            return answers.fromJson(body, answer);
        }
    }

    /** Slack answered HTTP 200 with {@code ok: false}. */
    private static SendResult refused(String where, SlackApiTextResponse response) {
        String code = Objects.requireNonNullElse(response.getError(), "");
        if (TRANSIENT.containsKey(code)) {
            return SendResult.retry(where + " answered " + code + " (" + TRANSIENT.get(code) + ")");
        }
        return SendResult.giveUp(REFUSALS.containsKey(code) ? where + " answered " + code + " ("
                + REFUSALS.get(code) + ")" : where + " answered an error (refused)");
    }

    /** Slack answered another HTTP status than 200. */
    private SendResult failed(String where, SlackApiException failure) {
        int status = failure.getResponse().code();
        String error = where + " answered " + status + " (" + SlackSender.reason(status) + ")";
        if (status == 429) {
            String retryAfter = failure.getResponse().header("Retry-After");
            return SendResult.retryAfter(error, retryAfter == null ? null
                    : RetryAfter.parse(retryAfter, clock.instant()).orElse(null));
        }
        if (status >= 500 || status == 408) {
            return SendResult.retry(error);
        }
        return SendResult.giveUp(error);
    }

    private static JsonNode parse(String message) {
        try {
            return EventJson.mapper().readTree(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Slack message to send is no JSON", e);
        }
    }
}

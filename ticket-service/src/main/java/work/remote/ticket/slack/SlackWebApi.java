package work.remote.ticket.slack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;

import io.quarkus.runtime.StartupEvent;

import work.remote.ticket.config.TicketConfig;

/**
 * Slack's Web API with the app's bot token, through Slack's SDK, and the {@code response_url}s of requests. A
 * {@code 429} is honoured: the call is repeated once after {@code Retry-After} when that still fits before the
 * deadline (Slack's 3 seconds to use a trigger id), else {@link RateLimited} tells the caller how long Slack wants.
 * The token never leaves this class: it is not logged and no exception carries it.
 */
@ApplicationScoped
public class SlackWebApi {

    private static final Logger LOG = Logger.getLogger(SlackWebApi.class);
    /** Slack's JSON: snake_case, as Slack writes its payloads and reads views. */
    public static final Gson JSON = GsonFactory.createSnakeCase();

    /** Slack refused the call, or could not be reached. */
    public static class CallFailed extends RuntimeException {

        CallFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Slack asked to wait {@code retryAfter} before calling again, longer than the time left to answer. */
    public static class RateLimited extends RuntimeException {

        public final Duration retryAfter;

        RateLimited(String method, Duration retryAfter) {
            super(method + " is rate limited for " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }
    }

    /** One Web API method called with the bot token. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient methods) throws IOException, SlackApiException;
    }

    private final TicketConfig.Slack config;
    private final Clock clock;
    private final Slack slack;

    @Inject
    public SlackWebApi(TicketConfig config, Clock clock) {
        this.config = config.slack();
        this.clock = clock;
        SlackConfig sdk = new SlackConfig();
        sdk.setMethodsEndpointUrlPrefix(this.config.apiUrl());
        sdk.setHttpClientCallTimeoutMillis(3_000);
        // the SDK's call statistics would call auth.test first to learn the team: one more call in the 3 seconds
        sdk.setStatsEnabled(false);
        sdk.getMethodsConfig().setStatsEnabled(false);
        this.slack = Slack.getInstance(sdk);
    }

    /** With the app on, both secrets must be there: the start fails naming the missing one. */
    void requireSecrets(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        if (config.botToken().filter(token -> !token.isBlank()).isEmpty()) {
            throw new IllegalStateException("ticket.slack.enabled is true but ticket.slack.bot-token "
                    + "(TICKET_SLACK_BOT_TOKEN) is not set");
        }
        if (config.signingSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
            throw new IllegalStateException("ticket.slack.enabled is true but ticket.slack.signing-secret "
                    + "(TICKET_SLACK_SIGNING_SECRET) is not set");
        }
    }

    /**
     * Calls {@code method}; an answer that is not {@code ok} is a {@link CallFailed} with Slack's error. Rate
     * limited, it waits and repeats once if Slack's {@code Retry-After} ends before {@code deadline}.
     */
    public <T extends SlackApiTextResponse> T call(String method, Instant deadline, Call<T> call) {
        MethodsClient methods = slack.methods(config.botToken().orElseThrow());
        try {
            try {
                return ok(method, call.on(methods));
            } catch (SlackApiException e) {
                Duration wait = retryAfter(method, e);
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw new RateLimited(method, wait);
                }
                TimeUnit.MILLISECONDS.sleep(wait.toMillis());
                try {
                    return ok(method, call.on(methods));
                } catch (SlackApiException again) {
                    throw new RateLimited(method, retryAfter(method, again));
                }
            }
        } catch (IOException e) {
            throw new CallFailed(method + " could not reach Slack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(method + " was interrupted", e);
        }
    }

    /** Posts an ephemeral message, seen only by the person who sent the request, to its {@code response_url}. */
    public void tellPrivately(String responseUrl, String text) {
        String message = JSON.toJson(Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
        try {
            WebhookResponse answer = slack.send(responseUrl, message);
            if (answer.getCode() != 200) {
                LOG.warnf("Slack refused an ephemeral reply: HTTP %d", answer.getCode());
            }
        } catch (IOException e) {
            LOG.warnf("Could not post an ephemeral reply to Slack: %s", e.getMessage());
        }
    }

    @PreDestroy
    void close() throws Exception {
        slack.close();
    }

    private static <T extends SlackApiTextResponse> T ok(String method, T answer) {
        if (!answer.isOk()) {
            throw new CallFailed(method + " failed: " + answer.getError(), null);
        }
        return answer;
    }

    /** How long a 429 asks to wait; any other HTTP failure is a {@link CallFailed}. */
    private static Duration retryAfter(String method, SlackApiException e) {
        int status = e.getResponse().code();
        if (status != 429) {
            throw new CallFailed(method + " failed: HTTP " + status, null);
        }
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }
}

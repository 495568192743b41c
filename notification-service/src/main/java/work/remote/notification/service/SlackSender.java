package work.remote.notification.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.Attempt;
import work.remote.notification.SlackDestination;
import work.remote.notification.config.NotificationConfig;

/**
 * Sends a Slack attempt where it was claimed for: through the Web API ({@link SlackWebApi}) for a channel bound to a
 * bot token, else to the channel's incoming webhook. For a webhook it tells a transient
 * failure (5xx, 408, 429 with its {@code Retry-After}, a timeout, a connection error, a channel not registered yet)
 * from a refusal for good (any other 4xx, e.g. 400 {@code invalid_blocks}, 403, 404 {@code channel_not_found}, or
 * a name that can never be a channel, a webhook that points where no webhook may). The webhook URL is a secret:
 * errors name the channel, never the URL. What Slack answers is never kept: an error is the status and a fixed reason
 * for it, so that nothing a webhook's host sends back reaches the delivery log.
 */
@ApplicationScoped
public class SlackSender {

    private final HttpClient http;
    private final NotificationConfig.Slack config;
    private final Clock clock;
    private final WebhookDestinations destinations;
    private final SlackWebApi webApi;

    @Inject
    public SlackSender(NotificationConfig config, Clock clock, WebhookDestinations destinations, SlackWebApi webApi) {
        this.config = config.slack();
        this.clock = clock;
        this.destinations = destinations;
        this.webApi = webApi;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public SendResult send(Attempt attempt) {
        if (!attempt.target().matches(SlackChannelService.NAME_PATTERN)
                && SlackUsers.userOf(attempt.target()).isEmpty()) {
            return SendResult.giveUp("\"" + abbreviate(attempt.target()) + "\" is not a Slack channel name");
        }
        SlackDestination destination = attempt.slack().orElseThrow();
        if (destination instanceof SlackDestination.Unavailable unavailable) {
            return unavailable.retry() ? SendResult.retry(unavailable.reason())
                    : SendResult.giveUp(unavailable.reason());
        }
        if (destination instanceof SlackDestination.WebApi bot) {
            return webApi.send(attempt.target(), bot, attempt.body());
        }
        return toWebhook(attempt, ((SlackDestination.Webhook) destination).url());
    }

    private SendResult toWebhook(Attempt attempt, String webhookUrl) {
        if (destinations.refusal(webhookUrl).isPresent()) {
            return SendResult.giveUp("Slack " + attempt.target() + ": webhook destination refused (not an allowed "
                    + "host, or it resolves to a private address); register the channel's webhook again, then replay");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body()))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return SendResult.retry("Slack " + attempt.target() + " unreachable (" + connectionFailure(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted");
        }
        int status = response.statusCode();
        String error = "Slack " + attempt.target() + " answered " + status + " (" + reason(status) + ")";
        if (status >= 200 && status < 300) {
            return SendResult.delivered();
        }
        if (status == 429) {
            return SendResult.retryAfter(error, response.headers().firstValue("Retry-After")
                    .flatMap(value -> RetryAfter.parse(value, clock.instant())).orElse(null));
        }
        if (status >= 500 || status == 408) {
            return SendResult.retry(error);
        }
        return SendResult.giveUp(error);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** A fixed reason for each status Slack documents for incoming webhooks, and one per class for the rest. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "invalid payload";
            case 403 -> "forbidden";
            case 404 -> "channel or webhook not found";
            case 408 -> "timed out";
            case 410 -> "channel archived";
            case 413 -> "payload too large";
            case 429 -> "rate limited";
            default -> status >= 500 ? "server error" : status >= 400 ? "refused" : "unexpected status";
        };
    }

    private static String connectionFailure(IOException failure) {
        if (failure instanceof HttpTimeoutException) {
            return "timed out";
        }
        return failure instanceof ConnectException ? "connection refused" : "connection failed";
    }
}

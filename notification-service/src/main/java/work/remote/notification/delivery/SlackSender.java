package work.remote.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.channel.SlackChannel;
import work.remote.notification.config.NotificationConfig;

/**
 * Posts Block Kit messages to the incoming webhook of the registered channel a delivery names. The webhook URL is a
 * secret: errors name the channel, never the URL.
 */
@ApplicationScoped
public class SlackSender {

    private final HttpClient http;
    private final NotificationConfig.Slack config;

    @Inject
    public SlackSender(NotificationConfig config) {
        this.config = config.slack();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public SendResult send(Delivery delivery) {
        Optional<SlackChannel> channel = SlackChannel.named(delivery.target);
        if (channel.isEmpty()) {
            return SendResult.retry("Slack channel " + delivery.target + " is not registered: register its incoming "
                    + "webhook (POST /channels), then replay this delivery if it is dead by then");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.get().webhookUrl))
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return SendResult.retry("Slack " + delivery.target + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted");
        }
        int status = response.statusCode();
        String error = "Slack " + delivery.target + " answered " + status + ": " + abbreviate(response.body());
        if (status >= 200 && status < 300) {
            return SendResult.delivered();
        }
        if (status == 429) {
            return SendResult.retryAfter(error, retryAfter(response).orElse(null));
        }
        if (status >= 500 || status == 408) {
            return SendResult.retry(error);
        }
        return SendResult.giveUp(error);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}

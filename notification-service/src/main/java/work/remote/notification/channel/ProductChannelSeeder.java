package work.remote.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import work.remote.notification.config.NotificationConfig;

/**
 * At start, registers the product channel with the webhook the environment gives
 * ({@code NOTIFICATION_SLACK_WEBHOOK_URL}), so critical issues reach Slack without a call to the API first.
 */
@ApplicationScoped
public class ProductChannelSeeder {

    private final SlackChannelService channels;
    private final NotificationConfig.Slack config;

    @Inject
    public ProductChannelSeeder(SlackChannelService channels, NotificationConfig config) {
        this.channels = channels;
        this.config = config.slack();
    }

    void onStart(@Observes StartupEvent startup) {
        config.webhookUrl().ifPresent(url -> channels.registerFromEnvironment(config.channelName(), url));
    }
}

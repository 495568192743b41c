package work.remote.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import work.remote.notification.config.NotificationConfig;

/**
 * At start, registers the channels whose webhooks the environment gives: the product channel
 * ({@code NOTIFICATION_SLACK_WEBHOOK_URL}), so critical issues reach Slack without a call to the API first, and any
 * other listed under {@code notification.slack.webhooks}; then the channels {@code notification.slack.bot-channels}
 * names, bound to the bot token ({@code NOTIFICATION_SLACK_BOT_TOKEN}), which take over a webhook of the same name.
 */
@ApplicationScoped
public class ChannelsFromEnvironment {

    private final SlackChannelService channels;
    private final NotificationConfig.Slack config;

    @Inject
    public ChannelsFromEnvironment(SlackChannelService channels, NotificationConfig config) {
        this.channels = channels;
        this.config = config.slack();
    }

    void onStart(@Observes StartupEvent startup) {
        config.webhookUrl().ifPresent(url -> channels.registerFromEnvironment(config.channelName(), url));
        config.webhooks().forEach(channels::registerFromEnvironment);
        if (!config.botChannels().isEmpty()) {
            String token = config.botToken().orElseThrow(() -> new IllegalStateException(
                    "notification.slack.bot-channels names channels, but notification.slack.bot-token "
                            + "(NOTIFICATION_SLACK_BOT_TOKEN) is not set"));
            config.botChannels().forEach((name, channelId) -> channels.registerBotFromEnvironment(name, token,
                    channelId));
        }
    }
}

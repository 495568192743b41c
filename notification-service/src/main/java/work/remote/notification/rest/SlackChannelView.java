package work.remote.notification.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.notification.SlackChannel;

/**
 * A registered Slack channel. The webhook URL and the bot token are secrets and never shown: only which one is
 * configured, the webhook's host, and the Slack channel id the bot posts to. {@code ratePerSecond} is null for an
 * unlimited channel.
 */
public record SlackChannelView(UUID id, String name, boolean webhookConfigured, String webhookHost,
        boolean botTokenConfigured, String channelId,
        Double ratePerSecond, int burst, boolean unlimited, long version, Instant createdAt, Instant updatedAt) {

    static SlackChannelView of(SlackChannel channel) {
        return new SlackChannelView(channel.id, channel.name, channel.webhookUrl != null, channel.webhookHost(),
                channel.isBoundToBot(), channel.slackChannelId,
                channel.ratePerSecond, channel.burst, !channel.rateLimit().limited(), channel.version,
                channel.createdAt, channel.updatedAt);
    }
}

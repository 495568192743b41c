package work.remote.notification.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.notification.SlackChannel;

/**
 * A registered Slack channel. The webhook URL is a secret and never shown: only that one is configured and its host.
 * {@code ratePerSecond} is null for an unlimited channel.
 */
public record SlackChannelView(UUID id, String name, boolean webhookConfigured, String webhookHost,
        Double ratePerSecond, int burst, boolean unlimited, long version, Instant createdAt, Instant updatedAt) {

    static SlackChannelView of(SlackChannel channel) {
        return new SlackChannelView(channel.id, channel.name, channel.webhookUrl != null, channel.webhookHost(),
                channel.ratePerSecond, channel.burst, !channel.rateLimit().limited(), channel.version,
                channel.createdAt, channel.updatedAt);
    }
}

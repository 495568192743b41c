package work.remote.notification;


import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.platform.revision.Revision;

/**
 * A Slack channel ops registered: its name, what it is bound to, and how fast it may be sent to. It is bound either
 * to an incoming webhook (its URL) or to the Slack app's bot token and the channel's Slack id, with which messages
 * are posted through the Web API, threaded and updated. The webhook URL and the bot token are secrets: only the
 * sending path reads them, nothing shows or logs them. How much of that limit is used up right now lives in
 * columns of the same row that only {@link work.remote.notification.service.ChannelRateLimiter} reads and writes,
 * so they are not mapped here.
 */
@Entity
@Table(name = "slack_channel")
public class SlackChannel extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The name routes and the delivery log use, e.g. {@code #product}. */
    public String name;

    /** The incoming webhook; {@code null} for a channel bound to a bot token. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /** The bot token ({@code xoxb-…}); {@code null} for a channel bound to a webhook. */
    @Column(name = "bot_token")
    public String botToken;

    /** The channel's Slack id ({@code C0123ABCD}) the bot posts to; with {@link #botToken} only. */
    @Column(name = "slack_channel_id")
    public String slackChannelId;

    /** Messages per second on average; {@code null} for no limit. */
    @Column(name = "rate_per_second")
    public Double ratePerSecond;

    /** How many messages may go out at once before the rate applies. */
    public int burst;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static SlackChannel register(String name, String webhookUrl, RateLimit limit, Instant now) {
        SlackChannel channel = registered(name, limit, now);
        channel.bindToWebhook(webhookUrl);
        return channel;
    }

    public static SlackChannel registerForBot(String name, String botToken, String slackChannelId, RateLimit limit,
            Instant now) {
        SlackChannel channel = registered(name, limit, now);
        channel.bindToBot(botToken, slackChannelId);
        return channel;
    }

    private static SlackChannel registered(String name, RateLimit limit, Instant now) {
        SlackChannel channel = new SlackChannel();
        channel.id = UUID.randomUUID();
        channel.name = name;
        channel.limitTo(limit);
        channel.createdAt = now;
        channel.updatedAt = now;
        return channel;
    }

    /**
     * The settings of channel {@code name} as its row holds them, read without the persistence context (the claim of
     * a batch of deliveries reads them with the channel's tokens); never persisted.
     */
    public static SlackChannel settings(String name, String webhookUrl, String botToken, String slackChannelId,
            RateLimit limit) {
        SlackChannel channel = new SlackChannel();
        channel.name = name;
        channel.webhookUrl = webhookUrl;
        channel.botToken = botToken;
        channel.slackChannelId = slackChannelId;
        channel.limitTo(limit);
        return channel;
    }

    public static Optional<SlackChannel> named(String name) {
        return find("name", name).firstResultOptional();
    }

    /** Refuses a change made to another revision than the current one. */
    public void requireRevision(long expectedRevision) {
        Revision.require("Slack channel " + id, version, expectedRevision);
    }

    public void limitTo(RateLimit limit) {
        ratePerSecond = limit.perSecond();
        burst = limit.burst();
    }

    public RateLimit rateLimit() {
        return new RateLimit(ratePerSecond, burst);
    }

    public void bindToWebhook(String url) {
        webhookUrl = url;
        botToken = null;
        slackChannelId = null;
    }

    public void bindToBot(String token, String channelId) {
        webhookUrl = null;
        botToken = token;
        slackChannelId = channelId;
    }

    public boolean isBoundToBot() {
        return botToken != null;
    }

    /** Where the webhook points, without its secret path (enough for ops to tell two apart); null for a bot. */
    public String webhookHost() {
        return webhookUrl == null ? null : URI.create(webhookUrl).getHost();
    }
}

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
 * A Slack channel ops registered: its name, its incoming-webhook URL (a secret: only the sending path reads it,
 * nothing shows or logs it) and how fast it may be sent to. How much of that limit is used up right now lives in
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

    @Column(name = "webhook_url")
    public String webhookUrl;

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
        SlackChannel channel = new SlackChannel();
        channel.id = UUID.randomUUID();
        channel.name = name;
        channel.webhookUrl = webhookUrl;
        channel.limitTo(limit);
        channel.createdAt = now;
        channel.updatedAt = now;
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

    /** Where the webhook points, without its secret path: enough for ops to tell two webhooks apart. */
    public String webhookHost() {
        return URI.create(webhookUrl).getHost();
    }
}

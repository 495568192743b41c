package work.remote.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import work.remote.events.notification.Channel;
import work.remote.notification.Delivery;

/** What Prometheus sees of deliveries going wrong (at {@code /q/metrics}). */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    @Inject
    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An attempt failed transiently and another one is planned. */
    public void retried(Channel channel) {
        registry.counter("notification.deliveries.retried", "channel", channel.name()).increment();
    }

    public void dead(Channel channel, Delivery.DeathCause cause) {
        registry.counter("notification.deliveries.dead", "channel", channel.name(), "reason", cause.tag()).increment();
    }

    /** A critical issue Slack did not get was escalated by email; {@code trigger} is {@code dead} or {@code late}. */
    public void escalated(String trigger) {
        registry.counter("notification.escalations", "trigger", trigger).increment();
    }

    /** Recording an attempt's outcome failed (the database was unreachable) and is tried again. */
    public void outcomeRecordRetried() {
        registry.counter("notification.deliveries.outcome.record.retries").increment();
    }

    /** A target of an announcement of a dead delivery was left out, so announcements do not feed on themselves. */
    public void announcementSuppressed(Channel channel) {
        registry.counter("notification.dead.announcements.suppressed", "channel", channel.name()).increment();
    }
}

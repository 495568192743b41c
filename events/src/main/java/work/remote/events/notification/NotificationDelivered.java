package work.remote.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A notification about an event reached one target.
 *
 * @param sourceEventId the {@code ce_id} of the event notified about
 * @param sourceEventType its {@code ce_type}
 * @param sourceSubject its {@code ce_subject}
 * @param target the Slack channel name or the email recipient; never a webhook URL
 * @param attempts how many attempts it took, at least 1
 */
public record NotificationDelivered(
        UUID deliveryId,
        UUID sourceEventId,
        String sourceEventType,
        String sourceSubject,
        Channel channel,
        String target,
        int attempts,
        Instant deliveredAt,
        String link) implements DomainEvent {

    public NotificationDelivered {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceEventType, "sourceEventType");
        Objects.requireNonNull(sourceSubject, "sourceSubject");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return deliveryId.toString();
    }
}

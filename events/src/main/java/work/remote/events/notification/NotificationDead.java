package work.remote.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A notification failed its last attempt and became a dead letter; it can be replayed through
 * notification-service's API at {@code link}.
 *
 * @param sourceEventId the {@code ce_id} of the event notified about
 * @param sourceEventType its {@code ce_type}
 * @param sourceSubject its {@code ce_subject}
 * @param target the Slack channel name or the email recipient; never a webhook URL
 * @param lastError what the last attempt failed with (status and reason, never a secret)
 */
public record NotificationDead(
        UUID deliveryId,
        UUID sourceEventId,
        String sourceEventType,
        String sourceSubject,
        Channel channel,
        String target,
        int attempts,
        String lastError,
        Instant diedAt,
        String link) implements DomainEvent {

    public NotificationDead {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceEventType, "sourceEventType");
        Objects.requireNonNull(sourceSubject, "sourceSubject");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(diedAt, "diedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return deliveryId.toString();
    }
}

package work.remote.events.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * Product posted the deployment status of a live launch to the CS channel.
 *
 * @param expectedSymptoms what users may see meanwhile (e.g. "HTTP 500s possible",
 *        "withdrawals unavailable for 10 minutes"); may be empty
 */
public record LaunchStatusPosted(
        UUID launchId,
        String feature,
        Phase phase,
        String message,
        List<String> expectedSymptoms,
        String csChannel,
        String postedBy,
        Instant postedAt,
        String link) implements DomainEvent {

    public enum Phase {
        DEPLOYING,
        DEGRADED,
        PARTIALLY_UNAVAILABLE,
        DONE
    }

    public LaunchStatusPosted {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        expectedSymptoms = List.copyOf(Objects.requireNonNull(expectedSymptoms, "expectedSymptoms"));
        Objects.requireNonNull(csChannel, "csChannel");
        Objects.requireNonNull(postedBy, "postedBy");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return launchId.toString();
    }
}

package work.remote.events.process;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A rollout reached its follow-up date and one of its participants has not said yet how the process works for them:
 * they are asked, once, to give adoption feedback at {@code link}.
 *
 * @param person the participant's stable person id (the token's {@code sub})
 * @param personName the participant's display name as they last showed it; absent until they used the service
 */
public record AdoptionFeedbackRequested(
        UUID rolloutId,
        UUID processId,
        String key,
        int version,
        String title,
        String person,
        String personName,
        String role,
        Instant rolloutStartedAt,
        Instant followUpAt,
        Instant requestedAt,
        String link) implements DomainEvent {

    public AdoptionFeedbackRequested {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(rolloutStartedAt, "rolloutStartedAt");
        Objects.requireNonNull(followUpAt, "followUpAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}

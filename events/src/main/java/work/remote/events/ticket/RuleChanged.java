package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * Product changed the launch's rules document because requirements changed.
 *
 * @param documentVersion the new version of the rules document
 */
public record RuleChanged(
        UUID launchId,
        String feature,
        String summary,
        int documentVersion,
        String rulesDocumentLink,
        String csChannel,
        String changedBy,
        Instant changedAt,
        String link) implements DomainEvent {

    public RuleChanged {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(summary, "summary");
        if (documentVersion < 1) {
            throw new IllegalArgumentException("documentVersion must be at least 1: " + documentVersion);
        }
        Objects.requireNonNull(rulesDocumentLink, "rulesDocumentLink");
        Objects.requireNonNull(csChannel, "csChannel");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return launchId.toString();
    }
}

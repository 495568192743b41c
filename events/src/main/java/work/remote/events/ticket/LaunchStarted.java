package work.remote.events.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A launch went live and its parent feedback ticket was opened: CS files child tickets under it and posts
 * their links in {@code csChannel}.
 *
 * @param overriddenGates gates that were still open when an admin started the launch anyway; usually empty
 * @param overrideReason the admin's reason; present exactly when {@code overriddenGates} is not empty
 */
public record LaunchStarted(
        UUID launchId,
        String feature,
        UUID parentTicketId,
        String parentTicketLink,
        String csChannel,
        String rulesDocumentLink,
        String startedBy,
        Instant startedAt,
        List<Gate> overriddenGates,
        String overrideReason,
        String link) implements DomainEvent {

    public LaunchStarted {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(parentTicketId, "parentTicketId");
        Objects.requireNonNull(parentTicketLink, "parentTicketLink");
        Objects.requireNonNull(csChannel, "csChannel");
        Objects.requireNonNull(rulesDocumentLink, "rulesDocumentLink");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        overriddenGates = List.copyOf(Objects.requireNonNull(overriddenGates, "overriddenGates"));
        if (overriddenGates.isEmpty() != (overrideReason == null)) {
            throw new IllegalArgumentException("An override reason goes with overridden gates, and only with them");
        }
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return launchId.toString();
    }
}

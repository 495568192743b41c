package work.remote.events.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A launch is over. meeting-service schedules its after-action review with the launch's people
 * ({@code productOwner}, {@code csLead}, {@code csAgents}); the counts summarise its feedback tickets.
 *
 * @param ticketCount child tickets filed under the parent feedback ticket
 * @param criticalCount of which critical
 * @param openCriticalCount critical tickets not resolved at closing time
 * @param slaBreachedCount critical tickets that missed their 3-hour deadline
 */
public record LaunchClosed(
        UUID launchId,
        String feature,
        String productOwner,
        String csLead,
        List<String> csAgents,
        Instant startedAt,
        Instant closedAt,
        String closedBy,
        int ticketCount,
        int criticalCount,
        int openCriticalCount,
        int slaBreachedCount,
        String link) implements DomainEvent {

    public LaunchClosed {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(productOwner, "productOwner");
        Objects.requireNonNull(csLead, "csLead");
        csAgents = List.copyOf(Objects.requireNonNull(csAgents, "csAgents"));
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(closedBy, "closedBy");
        if (ticketCount < 0 || criticalCount < 0 || openCriticalCount < 0 || slaBreachedCount < 0) {
            throw new IllegalArgumentException("Ticket counts cannot be negative");
        }
        if (criticalCount > ticketCount || openCriticalCount > criticalCount || slaBreachedCount > criticalCount) {
            throw new IllegalArgumentException("Critical counts cannot exceed the ticket and critical counts");
        }
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return launchId.toString();
    }
}

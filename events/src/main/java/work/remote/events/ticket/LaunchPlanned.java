package work.remote.events.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * Product planned a feature launch with customer support.
 *
 * @param timeZone the IANA zone the launch time was planned in, for showing {@code plannedLaunchAt}
 * @param csChannel the CS channel where the launch is coordinated (e.g. {@code #cs-launch-instant-withdrawals})
 * @param rulesDocumentLink the rules document CS works from
 */
public record LaunchPlanned(
        UUID launchId,
        String feature,
        Instant plannedLaunchAt,
        String timeZone,
        String productOwner,
        String csLead,
        List<String> csAgents,
        String csChannel,
        String rulesDocumentLink,
        Instant plannedAt,
        String link) implements DomainEvent {

    public LaunchPlanned {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(plannedLaunchAt, "plannedLaunchAt");
        ZoneId.of(Objects.requireNonNull(timeZone, "timeZone"));
        Objects.requireNonNull(productOwner, "productOwner");
        Objects.requireNonNull(csLead, "csLead");
        csAgents = List.copyOf(Objects.requireNonNull(csAgents, "csAgents"));
        Objects.requireNonNull(csChannel, "csChannel");
        Objects.requireNonNull(rulesDocumentLink, "rulesDocumentLink");
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return launchId.toString();
    }
}

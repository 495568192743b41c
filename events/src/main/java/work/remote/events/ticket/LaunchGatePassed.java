package work.remote.events.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * One of a launch's gates passed.
 *
 * @param state the launch's state after the gate passed
 * @param openGates the gates still open; empty when the launch may start
 * @param passedBy the person whose action passed the gate; {@code null} when an event from another service
 *        passed it (e.g. training attendance from meeting-service)
 */
public record LaunchGatePassed(
        UUID launchId,
        String feature,
        Gate gate,
        LaunchState state,
        List<Gate> openGates,
        String passedBy,
        Instant passedAt,
        String link) implements DomainEvent {

    public LaunchGatePassed {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(state, "state");
        openGates = List.copyOf(Objects.requireNonNull(openGates, "openGates"));
        if (openGates.contains(gate)) {
            throw new IllegalArgumentException("The passed gate " + gate + " cannot also be open");
        }
        Objects.requireNonNull(passedAt, "passedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return launchId.toString();
    }
}

package work.remote.events.ticket;

import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * An event about one ticket. Its subject is the ticket; its key is the ticket's launch, so that a launch's tickets stay
 * in order with the launch, or the ticket itself outside a launch.
 */
public interface TicketEvent extends DomainEvent {

    UUID ticketId();

    /** {@code null} for a ticket outside a launch. */
    UUID launchId();

    @Override
    default String eventSubject() {
        return ticketId().toString();
    }

    @Override
    default String orderingKey() {
        return (launchId() != null ? launchId() : ticketId()).toString();
    }
}

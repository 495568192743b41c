package work.remote.ticket.rest;

import java.time.Instant;

import work.remote.ticket.TicketChange;

public record TicketChangeView(Instant at, String actor, String action, String detail) {

    public static TicketChangeView of(TicketChange change) {
        return new TicketChangeView(change.at, change.actor, change.action, change.detail);
    }
}

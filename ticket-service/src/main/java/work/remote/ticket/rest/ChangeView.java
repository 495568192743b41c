package work.remote.ticket.rest;

import java.time.Instant;

import work.remote.ticket.LaunchChange;
import work.remote.ticket.TicketChange;

/** One entry of a ticket's timeline or a launch's audit trail: who did what, and when. */
public record ChangeView(Instant at, String actor, String action, String detail) {

    public static ChangeView of(TicketChange change) {
        return new ChangeView(change.at, change.actor, change.action, change.detail);
    }

    public static ChangeView of(LaunchChange change) {
        return new ChangeView(change.at, change.actor, change.action, change.detail);
    }
}

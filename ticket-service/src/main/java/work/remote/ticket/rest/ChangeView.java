package work.remote.ticket.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.ticket.LaunchChange;
import work.remote.ticket.TicketChange;

/** One entry of a ticket's timeline or a launch's audit trail: who did what, and when. */
public record ChangeView(Instant at,
        @Schema(description = "The person's stable id (the token's sub), or the service that made the change")
        String actor,
        @Schema(description = "The person's display name when the entry was written; null for a service")
        String actorName,
        String action, String detail) {

    public static ChangeView of(TicketChange change) {
        return new ChangeView(change.at, change.actor, change.actorName, change.action, change.detail);
    }

    public static ChangeView of(LaunchChange change) {
        return new ChangeView(change.at, change.actor, change.actorName, change.action, change.detail);
    }
}

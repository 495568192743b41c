package work.remote.ticket.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketState;

public record TicketView(UUID id, UUID launchId, UUID parentId, String title, String description, TicketType type,
        Severity severity, Impact impact, String impactDetail, int affectedUsers,
        @Schema(description = "The reporter's stable id (the token's sub)") String reporter,
        @Schema(description = "The reporter's display name, as last learned from them") String reporterName,
        @Schema(description = "The assignee's stable id; null when nobody works on it") String assignee,
        @Schema(description = "The assignee's display name, as last learned from them; null until they act on the "
                + "ticket") String assigneeName,
        TicketState state,
        @Schema(description = "The stable id of who took the ticket on (acknowledged it); null until someone did, "
                + "and again once it is reopened") String acknowledgedBy,
        @Schema(description = "Their display name when they acknowledged it") String acknowledgedByName,
        Instant acknowledgedAt, List<String> links,
        Instant reportedAt, Instant resolveBy, Long secondsRemaining, long version, String link) {

    public static TicketView of(Ticket ticket, Instant now, String link) {
        var remaining = ticket.timeRemaining(now);
        return new TicketView(ticket.id, ticket.launchId, ticket.parentId, ticket.title, ticket.description,
                ticket.type, ticket.severity, ticket.impact, ticket.impactDetail, ticket.affectedUsers, ticket.reporter,
                ticket.reporterName, ticket.assignee, ticket.assigneeName, ticket.state, ticket.acknowledgedBy, ticket.acknowledgedByName,
                ticket.acknowledgedAt, ticket.links, ticket.reportedAt,
                ticket.resolveBy,
                remaining == null ? null : remaining.toSeconds(),
                ticket.version, link);
    }
}

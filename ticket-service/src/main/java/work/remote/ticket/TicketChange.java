package work.remote.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** One entry of a ticket's timeline: who did what, and when. */
@Entity
@Table(name = "ticket_change")
public class TicketChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public Instant at;

    /** A person's id, or {@code sla-clock} for what the deadline clock announced. */
    public String actor;

    /** The person's display name when the entry was written; null for the deadline clock. */
    @Column(name = "actor_name")
    public String actorName;

    public String action;

    public String detail;

    public static void record(UUID ticketId, Instant at, Actor actor, String action, String detail) {
        TicketChange change = new TicketChange();
        change.id = UUID.randomUUID();
        change.ticketId = ticketId;
        change.at = at;
        change.actor = actor.id();
        change.actorName = actor.name();
        change.action = action;
        change.detail = detail;
        change.persist();
    }

    /** The ticket's timeline, oldest first. */
    public static PanacheQuery<TicketChange> timelineOf(UUID ticketId) {
        return find("ticketId", Sort.by("at").and("id"), ticketId);
    }
}

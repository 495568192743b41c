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

@Entity
@Table(name = "ticket_comment")
public class TicketComment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The author's id. */
    public String author;

    /** The author's display name when they wrote it. */
    @Column(name = "author_name")
    public String authorName;

    public String body;

    public Instant at;

    public static TicketComment write(UUID ticketId, Actor author, String body, Instant at) {
        TicketComment comment = new TicketComment();
        comment.id = UUID.randomUUID();
        comment.ticketId = ticketId;
        comment.author = author.id();
        comment.authorName = author.name();
        comment.body = body;
        comment.at = at;
        return comment;
    }

    /** The ticket's comments, oldest first. */
    public static PanacheQuery<TicketComment> of(UUID ticketId) {
        return find("ticketId", Sort.by("at").and("id"), ticketId);
    }
}

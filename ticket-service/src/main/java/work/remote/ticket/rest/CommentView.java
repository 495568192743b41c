package work.remote.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.ticket.TicketComment;

public record CommentView(UUID id, String author, String body, Instant at) {

    public static CommentView of(TicketComment comment) {
        return new CommentView(comment.id, comment.author, comment.body, comment.at);
    }
}

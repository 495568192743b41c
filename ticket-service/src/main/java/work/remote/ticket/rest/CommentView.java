package work.remote.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.ticket.TicketComment;

public record CommentView(UUID id, @Schema(description = "The author's stable id (the token's sub)") String author,
        @Schema(description = "The author's display name when they wrote it") String authorName, String body,
        Instant at) {

    public static CommentView of(TicketComment comment) {
        return new CommentView(comment.id, comment.author, comment.authorName, comment.body, comment.at);
    }
}

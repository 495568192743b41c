package work.remote.ticket.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AssignRequest(@Size(min = 1, max = 200)
        @Schema(description = "The stable id (the token's sub) of who works on it; null to unassign") String assignee) {
}

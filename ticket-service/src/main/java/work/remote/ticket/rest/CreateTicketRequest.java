package work.remote.ticket.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.TicketType;
import work.remote.ticket.service.TicketService;

@Schema(description = "A problem, request or question reported by support or product")
public record CreateTicketRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull TicketType type,
        @NotNull @Schema(description = "What users cannot do; WITHDRAWAL_BLOCKED, TRADING_BLOCKED and FUNDS_INCORRECT make the ticket CRITICAL") Impact impact,
        @Size(max = 2_000) String impactDetail,
        @NotNull @PositiveOrZero @Max(1_000_000_000) Integer affectedUsers,
        @Schema(description = "The ticket this one hangs under, e.g. a launch's parent feedback ticket; the child "
                + "belongs to the parent's launch") UUID parentId,
        @Size(max = 20) @Schema(description = "Where to see more: chat messages, screenshots, logs")
        List<@NotBlank @URL @Size(max = 2_000) String> links) {

    public TicketService.Report command() {
        return new TicketService.Report(title, description, type, impact, impactDetail, affectedUsers, parentId, links);
    }
}

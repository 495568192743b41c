package work.remote.meeting.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.ActionItem;

public record ActionItemView(UUID id, UUID meetingId, String description, String owner,
        @Schema(description = "The owner's display name as last learnt from them") String ownerName, LocalDate due,
        ActionItem.State state, String dropReason, String closedBy, Instant closedAt, Instant overdueAnnouncedAt,
        long version) {

    public static ActionItemView of(ActionItem item) {
        return new ActionItemView(item.id, item.meetingId, item.description, item.owner, item.ownerName,
                item.due, item.state, item.dropReason, item.closedBy, item.closedAt, item.overdueAnnouncedAt, item.version);
    }
}

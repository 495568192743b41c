package work.remote.meeting.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.Relay;

public record RelayView(UUID id, UUID meetingId, String absentee, String supervisor,
        @Schema(description = "The supervisor's display name as last learnt from them") String supervisorName,
        boolean open, Instant requestedAt, Instant acknowledgedAt, String note, long version, String link) {

    public static RelayView of(Relay relay, String link) {
        return new RelayView(relay.id, relay.meetingId, relay.absentee, relay.supervisor, relay.supervisorName,
                relay.isOpen(), relay.requestedAt, relay.acknowledgedAt, relay.note, relay.version, link);
    }
}

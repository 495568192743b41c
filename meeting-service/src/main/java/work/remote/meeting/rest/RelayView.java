package work.remote.meeting.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.meeting.Relay;

public record RelayView(UUID id, UUID meetingId, String absentee, String supervisor, boolean open,
        Instant requestedAt, Instant acknowledgedAt, String note, long version, String link) {

    public static RelayView of(Relay relay, String link) {
        return new RelayView(relay.id, relay.meetingId, relay.absentee, relay.supervisor, relay.isOpen(),
                relay.requestedAt, relay.acknowledgedAt, relay.note, relay.version, link);
    }
}

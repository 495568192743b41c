package work.remote.meeting.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.events.meeting.MeetingSubject;
import work.remote.meeting.ParkingLotItem;

public record ParkingLotItemView(UUID id, UUID meetingId, MeetingSubject.Kind subjectKind, UUID subjectId,
        String proposedBy, String proposal, String recordedBy, Instant recordedAt, ParkingLotItem.State state,
        String resolvedBy, Instant resolvedAt, String note, long version) {

    public static ParkingLotItemView of(ParkingLotItem item) {
        return new ParkingLotItemView(item.id, item.meetingId, item.subjectKind, item.subjectId, item.proposedBy,
                item.proposal, item.recordedBy, item.recordedAt, item.state, item.resolvedBy, item.resolvedAt,
                item.note, item.version);
    }
}

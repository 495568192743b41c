package work.remote.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.ParkingLotItemRecorded;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;

/** An off-topic proposal the host parked; it stays on the agenda of later meetings on the subject until resolved. */
@Entity
@Table(name = "parking_lot_item")
public class ParkingLotItem extends PanacheEntityBase {

    public enum State {
        OPEN, DISCUSSED, DROPPED
    }

    @Id
    public UUID id;

    /** The meeting it was parked in. */
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public MeetingSubject.Kind subjectKind;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "proposed_by")
    public String proposedBy;

    public String proposal;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public String note;

    @Version
    public long version;

    public static ParkingLotItem park(Meeting meeting, String proposedBy, String proposal, String recordedBy,
            Instant now) {
        ParkingLotItem item = new ParkingLotItem();
        item.id = UUID.randomUUID();
        item.meetingId = meeting.id;
        item.subjectKind = meeting.subject.kind;
        item.subjectId = meeting.subject.id;
        item.proposedBy = proposedBy;
        item.proposal = proposal;
        item.recordedBy = recordedBy;
        item.recordedAt = now;
        item.state = State.OPEN;
        return item;
    }

    /** Open items of a subject, oldest first: what the next meeting on it takes up. */
    public static List<ParkingLotItem> openFor(Subject subject) {
        return list("subjectKind = ?1 and subjectId = ?2 and state = ?3 order by recordedAt, id", subject.kind,
                subject.id, State.OPEN);
    }

    public void resolve(State outcome, String note, String resolvedBy, Instant now) {
        if (outcome == State.OPEN) {
            throw ProblemException.invalid("outcome", "must be DISCUSSED or DROPPED");
        }
        if (state != State.OPEN) {
            throw ProblemException.conflict("parking-lot-item-resolved", "Already resolved",
                    "This item was already " + state);
        }
        state = outcome;
        this.note = note;
        this.resolvedBy = resolvedBy;
        resolvedAt = now;
    }

    public void requireVersion(Long expected) {
        Revision.require("parking-lot item " + id, version, expected);
    }

    /** Announces the item parked in {@code meeting}; {@code link} points to that meeting. */
    public ParkingLotItemRecorded recordedEvent(Meeting meeting, String link) {
        return new ParkingLotItemRecorded(id, meetingId, meeting.subject.toEvent(), proposedBy, proposal, recordedBy,
                recordedAt, link);
    }
}

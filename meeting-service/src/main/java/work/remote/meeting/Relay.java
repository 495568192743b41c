package work.remote.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.RelayAcknowledged;
import work.remote.events.meeting.RelayRequested;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;

/** A supervisor's task to relay a meeting's content to an invitee who missed it, open until they acknowledge it. */
@Entity
@Table(name = "relay")
public class Relay extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    /** The absentee's person id. */
    public String absentee;

    /** The supervisor's person id: they, and only they, acknowledge. */
    public String supervisor;

    /** The supervisor's display name as last learnt from them; null until they act, unless they host the meeting. */
    @Column(name = "supervisor_name")
    public String supervisorName;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    public String note;

    @Version
    public long version;

    /** A relay for {@code absentee}; when they report to nobody, the host relays. */
    public static Relay request(Meeting meeting, Invitation absentee, Instant now) {
        Relay relay = new Relay();
        relay.id = UUID.randomUUID();
        relay.meetingId = meeting.id;
        relay.absentee = absentee.person;
        if (absentee.supervisor == null) {
            relay.supervisor = meeting.host;
            relay.supervisorName = meeting.hostName;
        } else {
            relay.supervisor = absentee.supervisor;
        }
        relay.requestedAt = now;
        return relay;
    }

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    /**
     * The supervisor, and only they (not even an admin), confirms they relayed the content, on the version they saw
     * when they name one.
     */
    public void acknowledge(Caller by, Long expectedVersion, String note, Instant now) {
        if (!by.is(supervisor)) {
            throw ProblemException.forbidden("not-the-supervisor", "Only the supervisor may acknowledge",
                    "This relay is " + supervisor + "'s, not " + by + "'s");
        }
        Revision.require("relay " + id, version, expectedVersion);
        if (!isOpen()) {
            throw ProblemException.conflict("relay-acknowledged", "Already acknowledged",
                    "The relay was acknowledged at " + acknowledgedAt);
        }
        supervisorName = by.name();
        this.note = note;
        acknowledgedAt = now;
    }

    public RelayRequested requestedEvent(Meeting meeting, String link) {
        return new RelayRequested(id, meeting.id, meeting.kind, meeting.subject.toEvent(), meeting.title, absentee,
                supervisor, requestedAt, link);
    }

    public RelayAcknowledged acknowledgedEvent(Meeting meeting, String link) {
        return new RelayAcknowledged(id, meeting.id, meeting.kind, meeting.subject.toEvent(), meeting.title,
                absentee, supervisor, note, acknowledgedAt, link);
    }
}

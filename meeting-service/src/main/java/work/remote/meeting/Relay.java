package work.remote.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.platform.problem.ProblemException;

/** A supervisor's task to relay a meeting's content to an invitee who missed it, open until they acknowledge it. */
@Entity
@Table(name = "relay")
public class Relay extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    public String absentee;

    public String supervisor;

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
        relay.supervisor = absentee.supervisor == null ? meeting.host : absentee.supervisor;
        relay.requestedAt = now;
        return relay;
    }

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    /** The supervisor, and only they, confirms they relayed the content. */
    public void acknowledge(String by, String note, Instant now) {
        if (!supervisor.equals(by)) {
            throw new ProblemException(403, "not-the-supervisor", "Only the supervisor may acknowledge",
                    "This relay is " + supervisor + "'s, not " + by + "'s", List.of());
        }
        if (!isOpen()) {
            throw ProblemException.conflict("relay-acknowledged", "Already acknowledged",
                    "The relay was acknowledged at " + acknowledgedAt);
        }
        this.note = note;
        acknowledgedAt = now;
    }
}

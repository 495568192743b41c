package work.remote.meeting;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.MeetingSubject;

/**
 * A process or launch that meetings may be about, as its owning service announced it: meeting-service's read model
 * of process-service's and ticket-service's events. Its {@code owner} (the process owner, the launch's product owner)
 * may resolve what was parked on it.
 */
@Entity
@Table(name = "known_subject")
public class KnownSubject extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public MeetingSubject.Kind kind;

    public String title;

    /** A person id; null while no event named the owner (a subject only known from meetings planned earlier). */
    public String owner;

    /** A retired process takes no more meetings. */
    public boolean retired;

    @Column(name = "learnt_at")
    public Instant learntAt;

    public static Optional<KnownSubject> find(MeetingSubject.Kind kind, UUID id) {
        return KnownSubject.<KnownSubject>findByIdOptional(id).filter(subject -> subject.kind == kind);
    }

    /**
     * Records what an event says about a subject: its title, and its owner when the event names one. The subject is
     * created on the first event about it.
     */
    public static KnownSubject learn(MeetingSubject.Kind kind, UUID id, String title, String owner, Instant now) {
        Optional<KnownSubject> known = KnownSubject.findByIdOptional(id);
        KnownSubject subject = known.orElseGet(KnownSubject::new);
        subject.id = id;
        subject.kind = kind;
        subject.title = title;
        if (owner != null) {
            subject.owner = owner;
        }
        subject.learntAt = now;
        if (known.isEmpty()) {
            subject.persist();
        }
        return subject;
    }

    /** Whether {@code person} (an id) owns this subject. */
    public boolean isOwnedBy(String person) {
        return owner != null && owner.equals(person);
    }
}

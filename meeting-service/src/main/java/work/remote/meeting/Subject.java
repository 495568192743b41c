package work.remote.meeting;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import work.remote.events.meeting.MeetingSubject;

/** What a meeting is about, as stored: a process (id in process-service) or a launch (id in ticket-service). */
@Embeddable
public class Subject {

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public MeetingSubject.Kind kind;

    @Column(name = "subject_id")
    public UUID id;

    @Column(name = "subject_title")
    public String title;

    @Column(name = "subject_version")
    public Integer version;

    public static Subject of(MeetingSubject subject) {
        Subject stored = new Subject();
        stored.kind = subject.kind();
        stored.id = subject.id();
        stored.title = subject.title();
        stored.version = subject.version();
        return stored;
    }

    public MeetingSubject toEvent() {
        return new MeetingSubject(kind, id, title, version);
    }
}

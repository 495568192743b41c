package work.remote.events.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A meeting ended. process-service attaches {@code feedback} to the draft of a discussed process;
 * ticket-service records training attendance ({@code attendees}, {@code absentees}) for a launch's gate.
 * Each absentee also gets a {@link RelayRequested} to their supervisor.
 */
public record MeetingConcluded(
        UUID meetingId,
        MeetingKind kind,
        MeetingSubject subject,
        String title,
        String host,
        Instant startedAt,
        Instant endedAt,
        List<Invitee> attendees,
        List<Invitee> absentees,
        List<String> decisions,
        List<FeedbackItem> feedback,
        String link) implements DomainEvent {

    public MeetingConcluded {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
        }
        attendees = List.copyOf(Objects.requireNonNull(attendees, "attendees"));
        absentees = List.copyOf(Objects.requireNonNull(absentees, "absentees"));
        decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
        feedback = List.copyOf(Objects.requireNonNull(feedback, "feedback"));
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}

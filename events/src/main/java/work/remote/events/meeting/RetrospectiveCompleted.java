package work.remote.events.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * An after-action review (a {@link MeetingKind#RETROSPECTIVE} meeting) was written up. process-service
 * records {@code toChange} and {@code actionItems} as improvement items of the process it names.
 *
 * @param expected what was expected to happen
 * @param happened what actually happened
 * @param whyDifferent why the two differ
 */
public record RetrospectiveCompleted(
        UUID meetingId,
        MeetingSubject subject,
        String title,
        String facilitator,
        String expected,
        String happened,
        String whyDifferent,
        List<String> toKeep,
        List<String> toChange,
        List<ActionItem> actionItems,
        Instant completedAt,
        String link) implements DomainEvent {

    public RetrospectiveCompleted {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(facilitator, "facilitator");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(happened, "happened");
        Objects.requireNonNull(whyDifferent, "whyDifferent");
        toKeep = List.copyOf(Objects.requireNonNull(toKeep, "toKeep"));
        toChange = List.copyOf(Objects.requireNonNull(toChange, "toChange"));
        actionItems = List.copyOf(Objects.requireNonNull(actionItems, "actionItems"));
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}

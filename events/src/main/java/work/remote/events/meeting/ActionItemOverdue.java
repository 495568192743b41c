package work.remote.events.meeting;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * An action item of an after-action review is still open after its due date. Raised once per item.
 *
 * @param meetingId the retrospective the item comes from
 */
public record ActionItemOverdue(
        UUID actionItemId,
        UUID meetingId,
        MeetingSubject subject,
        String description,
        String owner,
        LocalDate due,
        String link) implements DomainEvent {

    public ActionItemOverdue {
        Objects.requireNonNull(actionItemId, "actionItemId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}

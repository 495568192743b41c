package work.remote.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.ActionItem;
import work.remote.events.meeting.RetrospectiveCompleted;

/**
 * Something an after-action review wants changed in a process. It stays open until a published version says it
 * addresses it.
 */
@Entity
@Table(name = "improvement_item")
public class ImprovementItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "process_id")
    public UUID processId;

    @Column(name = "retrospective_id")
    public UUID retrospectiveId;

    @Column(name = "retrospective_title")
    public String retrospectiveTitle;

    @Column(name = "action_item_id")
    public UUID actionItemId;

    public String description;

    public String owner;

    public LocalDate due;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "addressed_in_version")
    public Integer addressedInVersion;

    /** Something the review wants changed in the process. */
    public static ImprovementItem toChange(UUID processId, RetrospectiveCompleted review, String change,
            Instant now) {
        return of(processId, review, null, change, null, null, now);
    }

    /** An action item of the review, with its owner and due date. */
    public static ImprovementItem actionItem(UUID processId, RetrospectiveCompleted review, ActionItem action,
            Instant now) {
        return of(processId, review, action.id(), action.description(), action.owner(), action.due(), now);
    }

    private static ImprovementItem of(UUID processId, RetrospectiveCompleted review, UUID actionItemId,
            String description, String owner, LocalDate due, Instant now) {
        ImprovementItem item = new ImprovementItem();
        item.id = UUID.randomUUID();
        item.processId = processId;
        item.retrospectiveId = review.meetingId();
        item.retrospectiveTitle = review.title();
        item.actionItemId = actionItemId;
        item.description = description;
        item.owner = owner;
        item.due = due;
        item.recordedAt = now;
        return item;
    }

    /** Marks the item as dealt with by published version {@code number}. */
    public void addressIn(int number) {
        addressedInVersion = number;
    }

    public boolean isOpen() {
        return addressedInVersion == null;
    }
}

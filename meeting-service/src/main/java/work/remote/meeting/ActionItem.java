package work.remote.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.ActionItemOverdue;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;

/** An improvement an after-action review commits to: OPEN → DONE, or DROPPED with a reason. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    public enum State {
        OPEN, DONE, DROPPED
    }

    @Id
    public UUID id;

    /** The retrospective (and its review) the item comes from. */
    @Column(name = "meeting_id")
    public UUID meetingId;

    public String description;

    /** The owner's person id. */
    public String owner;

    /** The owner's display name as last learnt from them; null until they act, unless they wrote the review. */
    @Column(name = "owner_name")
    public String ownerName;

    public LocalDate due;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "drop_reason")
    public String dropReason;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When {@code ActionItemOverdue} went out for it: at most once. */
    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;

    @Version
    public long version;

    /** An open item for {@code owner} (a person id), whose display name is {@code ownerName} when known. */
    public static ActionItem open(UUID meetingId, String description, String owner, String ownerName, LocalDate due) {
        ActionItem item = new ActionItem();
        item.id = UUID.randomUUID();
        item.meetingId = meetingId;
        item.description = description;
        item.owner = owner;
        item.ownerName = ownerName;
        item.due = due;
        item.state = State.OPEN;
        return item;
    }

    /** Closes the item as {@code by} decided; when they are its owner, their display name is refreshed. */
    public void close(State outcome, String reason, Caller by, Instant now) {
        if (outcome == State.OPEN) {
            throw ProblemException.invalid("to", "must be DONE or DROPPED");
        }
        if (outcome == State.DROPPED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "dropping an action item needs a reason");
        }
        if (state != State.OPEN) {
            throw ProblemException.conflict("action-item-closed", "Already closed", "This action item is " + state);
        }
        state = outcome;
        dropReason = outcome == State.DROPPED ? reason : null;
        closedBy = by.id();
        if (by.is(owner)) {
            ownerName = by.name();
        }
        closedAt = now;
    }

    /** Remembers that the item was announced overdue, which happens once, and returns the announcement. */
    public ActionItemOverdue announceOverdue(Meeting retrospective, String link, Instant now) {
        overdueAnnouncedAt = now;
        return new ActionItemOverdue(id, meetingId, retrospective.subject.toEvent(), description, owner, due, link);
    }

    public void requireVersion(Long expected) {
        Revision.require("action item " + id, version, expected);
    }

    public work.remote.events.meeting.ActionItem toEvent() {
        return new work.remote.events.meeting.ActionItem(id, description, owner, due);
    }
}

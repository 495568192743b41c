package work.remote.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.RetrospectiveCompleted;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;

/**
 * The after-action review of a retrospective meeting (same id): what was expected, what happened, why they
 * differ, what to keep and what to change. Pending from when the retrospective is planned until written up.
 */
@Entity
@Table(name = "after_action_review")
public class AfterActionReview extends PanacheEntityBase {

    public enum State {
        PENDING, COMPLETED
    }

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    public State state;

    public String facilitator;

    public String expected;

    public String happened;

    @Column(name = "why_different")
    public String whyDifferent;

    @ElementCollection
    @CollectionTable(name = "after_action_review_keep", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    @Column(name = "item")
    public List<String> toKeep = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "after_action_review_change", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    @Column(name = "item")
    public List<String> toChange = new ArrayList<>();

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    public static AfterActionReview pendingFor(Meeting retrospective) {
        AfterActionReview review = new AfterActionReview();
        review.meetingId = retrospective.id;
        review.state = State.PENDING;
        return review;
    }

    public void complete(String facilitator, String expected, String happened, String whyDifferent,
            List<String> toKeep, List<String> toChange, Instant now) {
        if (state == State.COMPLETED) {
            throw ProblemException.conflict("review-completed", "Already completed",
                    "This after-action review was completed at " + completedAt + " by " + this.facilitator);
        }
        this.facilitator = facilitator;
        this.expected = expected;
        this.happened = happened;
        this.whyDifferent = whyDifferent;
        this.toKeep.addAll(toKeep);
        this.toChange.addAll(toChange);
        completedAt = now;
        state = State.COMPLETED;
    }

    public void requireVersion(Long expected) {
        Revision.require("the after-action review of meeting " + meetingId, version, expected);
    }

    public RetrospectiveCompleted completedEvent(Meeting retrospective, List<ActionItem> actionItems, String link) {
        return new RetrospectiveCompleted(meetingId, retrospective.subject.toEvent(), retrospective.title, facilitator,
                expected, happened, whyDifferent, toKeep, toChange,
                actionItems.stream().map(ActionItem::toEvent).toList(), completedAt, link);
    }
}

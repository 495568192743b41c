package work.remote.meeting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.meeting.ActionItem;
import work.remote.meeting.AfterActionReview;
import work.remote.meeting.Meeting;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.query.Criteria;

/** After-action reviews of retrospective meetings and the action items they commit to. */
@ApplicationScoped
public class ReviewService {

    /** What the host writes up: the five questions of an AAR and the action items. */
    public record Findings(String expected, String happened, String whyDifferent, List<String> toKeep,
            List<String> toChange, List<NewActionItem> actionItems) {
    }

    /** An action item to open; its {@code owner} is a person id. */
    public record NewActionItem(String description, String owner, LocalDate due) {
    }

    /** How an action item ends: DONE, or DROPPED with a reason. */
    public record Closing(ActionItem.State outcome, String reason) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final Links links;
    private final MeetingService meetings;
    private final Recipients recipients;

    @Inject
    public ReviewService(Outbox outbox, Clock clock, Links links, MeetingService meetings, Recipients recipients) {
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
        this.meetings = meetings;
        this.recipients = recipients;
    }

    public AfterActionReview find(UUID meetingId) {
        meetings.find(meetingId);
        AfterActionReview review = AfterActionReview.findById(meetingId);
        if (review == null) {
            throw ProblemException.notFound("After-action review of meeting", meetingId);
        }
        return review;
    }

    public List<ActionItem> actionItemsOf(UUID meetingId) {
        return ActionItem.list("meetingId = ?1 order by due, id", meetingId);
    }

    /**
     * Writes up the review once, with its action items, and announces it with {@code RetrospectiveCompleted}. An
     * owner named by an address mail may not reach is refused.
     */
    @Transactional
    public AfterActionReview complete(UUID meetingId, Long expectedVersion, Findings findings, Caller caller) {
        Meeting meeting = meetings.find(meetingId);
        caller.mustBe("host", meeting.host);
        AfterActionReview review = find(meetingId);
        review.requireVersion(expectedVersion);
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < findings.actionItems().size(); i++) {
            recipients.check("actionItems[" + i + "].owner", findings.actionItems().get(i).owner(), violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        meeting.learnHostName(caller);
        Instant now = clock.instant();
        review.complete(caller.id(), findings.expected(), findings.happened(), findings.whyDifferent(),
                findings.toKeep(), findings.toChange(), now);
        AfterActionReview.flush();
        List<ActionItem> items = findings.actionItems().stream()
                .map(item -> ActionItem.open(meetingId, item.description(), item.owner(),
                        caller.is(item.owner()) ? caller.name() : null, item.due()))
                .toList();
        items.forEach(item -> item.persist());
        outbox.publish(review.completedEvent(meeting, items, links.to("meetings", meeting.id, "review")));
        return review;
    }

    public Page<ActionItem> actionItems(String owner, UUID meetingId, ActionItem.State state, PageRequest page) {
        Criteria criteria = Criteria.where().equal("owner", owner).equal("meetingId", meetingId).equal("state", state);
        return Page.of(ActionItem.find(criteria.query(), Sort.ascending("due").and("id"), criteria.parameters()),
                page);
    }

    /** Marks an item done or dropped (with a reason); its owner, the review's facilitator or an admin may. */
    @Transactional
    public ActionItem close(UUID itemId, Long expectedVersion, Closing closing, Caller caller) {
        ActionItem item = ActionItem.findById(itemId);
        if (item == null) {
            throw ProblemException.notFound("Action item", itemId);
        }
        AfterActionReview review = AfterActionReview.findById(item.meetingId);
        caller.mustBe("owner or facilitator", item.owner, review.facilitator);
        item.requireVersion(expectedVersion);
        item.close(closing.outcome(), closing.reason(), caller, clock.instant());
        ActionItem.flush();
        return item;
    }
}

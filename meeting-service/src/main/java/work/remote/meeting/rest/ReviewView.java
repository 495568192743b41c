package work.remote.meeting.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import work.remote.meeting.ActionItem;
import work.remote.meeting.AfterActionReview;

public record ReviewView(UUID meetingId, AfterActionReview.State state, String facilitator, String expected,
        String happened, String whyDifferent, List<String> toKeep, List<String> toChange,
        List<ActionItemView> actionItems, Instant completedAt, long version) {

    public static ReviewView of(AfterActionReview review, List<ActionItem> actionItems) {
        return new ReviewView(review.meetingId, review.state, review.facilitator, review.expected, review.happened,
                review.whyDifferent, List.copyOf(review.toKeep), List.copyOf(review.toChange),
                actionItems.stream().map(ActionItemView::of).toList(), review.completedAt, review.version);
    }
}

package work.remote.ticket.rest;

import java.time.Instant;
import java.util.List;

import work.remote.events.ticket.LaunchStatusPosted.Phase;
import work.remote.ticket.RuleChange;
import work.remote.ticket.StatusPost;

/** How a launch's status posts and rule changes look in the API. */
public final class LaunchRecordViews {

    private LaunchRecordViews() {
    }

    public record StatusPostView(Phase phase, String message, List<String> expectedSymptoms, String postedBy,
            Instant postedAt) {

        public static StatusPostView of(StatusPost post) {
            return new StatusPostView(post.phase, post.message, post.expectedSymptoms, post.postedBy, post.postedAt);
        }
    }

    public record RuleChangeView(int documentVersion, String summary, String rulesDocumentLink, String changedBy,
            Instant changedAt) {

        public static RuleChangeView of(RuleChange change) {
            return new RuleChangeView(change.documentVersion, change.summary, change.rulesDocumentLink,
                    change.changedBy, change.changedAt);
        }
    }
}

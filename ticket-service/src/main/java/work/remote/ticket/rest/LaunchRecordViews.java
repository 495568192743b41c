package work.remote.ticket.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.ticket.LaunchStatusPosted.Phase;
import work.remote.ticket.RuleChange;
import work.remote.ticket.StatusPost;

/** How a launch's status posts and rule changes look in the API. */
public final class LaunchRecordViews {

    private LaunchRecordViews() {
    }

    public record StatusPostView(Phase phase, String message, List<String> expectedSymptoms,
            @Schema(description = "The poster's stable id (the token's sub)") String postedBy,
            @Schema(description = "The poster's display name when they posted it") String postedByName,
            Instant postedAt) {

        public static StatusPostView of(StatusPost post) {
            return new StatusPostView(post.phase, post.message, post.expectedSymptoms, post.postedBy,
                    post.postedByName, post.postedAt);
        }
    }

    public record RuleChangeView(int documentVersion, String summary, String rulesDocumentLink,
            @Schema(description = "The stable id (the token's sub) of who changed the rules") String changedBy,
            @Schema(description = "Their display name when they changed them") String changedByName,
            Instant changedAt) {

        public static RuleChangeView of(RuleChange change) {
            return new RuleChangeView(change.documentVersion, change.summary, change.rulesDocumentLink,
                    change.changedBy, change.changedByName, change.changedAt);
        }
    }
}

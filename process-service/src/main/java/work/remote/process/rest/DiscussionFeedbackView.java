package work.remote.process.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.events.meeting.FeedbackItem;
import work.remote.process.DiscussionFeedback;

public record DiscussionFeedbackView(UUID id, int forVersion, UUID meetingId, String meetingTitle, String author,
        FeedbackItem.Kind kind, String concerns, String text, Instant receivedAt) {

    public static DiscussionFeedbackView of(DiscussionFeedback feedback) {
        return new DiscussionFeedbackView(feedback.id, feedback.forVersion, feedback.meetingId, feedback.meetingTitle,
                feedback.author, feedback.kind, feedback.concerns, feedback.text, feedback.receivedAt);
    }
}

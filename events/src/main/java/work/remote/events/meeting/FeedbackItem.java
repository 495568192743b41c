package work.remote.events.meeting;

import java.util.Objects;

/**
 * Feedback given in a meeting, attached by process-service to the draft it concerns.
 *
 * @param concerns the step or 5W1H field the item is about (e.g. {@code step:open-parent-ticket},
 *        {@code field:who}); {@code null} when it is about the process as a whole
 */
public record FeedbackItem(String author, Kind kind, String concerns, String text) {

    public enum Kind {
        QUESTION,
        PROBLEM,
        SUGGESTION
    }

    public FeedbackItem {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}

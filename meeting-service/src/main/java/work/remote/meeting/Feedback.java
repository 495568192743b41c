package work.remote.meeting;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import work.remote.events.meeting.FeedbackItem;

/** Feedback given in a meeting, passed on to the service that owns the subject. */
@Embeddable
public class Feedback {

    public String author;

    @Enumerated(EnumType.STRING)
    public FeedbackItem.Kind kind;

    public String concerns;

    public String text;

    public static Feedback of(FeedbackItem item) {
        Feedback feedback = new Feedback();
        feedback.author = item.author();
        feedback.kind = item.kind();
        feedback.concerns = item.concerns();
        feedback.text = item.text();
        return feedback;
    }

    public FeedbackItem toEvent() {
        return new FeedbackItem(author, kind, concerns, text);
    }
}

package work.remote.process;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.FeedbackItem;

/** Feedback from a discussion meeting, attached to the draft that becomes version {@code forVersion}. */
@Entity
@Table(name = "discussion_feedback")
public class DiscussionFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "process_id")
    public UUID processId;

    @Column(name = "for_version")
    public int forVersion;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "meeting_title")
    public String meetingTitle;

    public String author;

    @Enumerated(EnumType.STRING)
    public FeedbackItem.Kind kind;

    public String concerns;

    public String text;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static DiscussionFeedback of(Process process, UUID meetingId, String meetingTitle, FeedbackItem item,
            Instant now) {
        DiscussionFeedback feedback = new DiscussionFeedback();
        feedback.id = UUID.randomUUID();
        feedback.processId = process.id;
        feedback.forVersion = process.nextVersion();
        feedback.meetingId = meetingId;
        feedback.meetingTitle = meetingTitle;
        feedback.author = item.author();
        feedback.kind = item.kind();
        feedback.concerns = item.concerns();
        feedback.text = item.text();
        feedback.receivedAt = now;
        return feedback;
    }
}

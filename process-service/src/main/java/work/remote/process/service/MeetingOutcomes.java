package work.remote.process.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import work.remote.platform.inbox.ReceivedEvent;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.RetrospectiveCompleted;
import work.remote.process.DiscussionFeedback;
import work.remote.process.ImprovementItem;
import work.remote.process.Process;

/**
 * What meetings about a process leave behind: discussion feedback on its draft, and improvement items from its
 * after-action reviews. Meetings about anything else are none of this service's business.
 */
@ApplicationScoped
public class MeetingOutcomes {

    private static final Logger LOG = Logger.getLogger(MeetingOutcomes.class);

    private final Clock clock;

    @Inject
    public MeetingOutcomes(Clock clock) {
        this.clock = clock;
    }

    /**
     * What a meeting's event changes here: a concluded meeting's feedback and a review's improvements; nothing for
     * other events. The inbox runs the effect in its transaction, so it and the record of the event commit together.
     */
    public Optional<Runnable> reactionTo(ReceivedEvent event) {
        if (event.is(MeetingConcluded.class)) {
            MeetingConcluded meeting = event.dataAs(MeetingConcluded.class);
            return Optional.of(() -> attachFeedback(meeting));
        }
        if (event.is(RetrospectiveCompleted.class)) {
            RetrospectiveCompleted review = event.dataAs(RetrospectiveCompleted.class);
            return Optional.of(() -> recordImprovements(review));
        }
        return Optional.empty();
    }

    private void attachFeedback(MeetingConcluded meeting) {
        Process process = processNamedBy(meeting.subject());
        if (process == null) {
            return;
        }
        Instant now = clock.instant();
        meeting.feedback().forEach(item -> DiscussionFeedback
                .of(process, meeting.meetingId(), meeting.title(), item, now).persist());
    }

    private void recordImprovements(RetrospectiveCompleted review) {
        Process process = processNamedBy(review.subject());
        if (process == null) {
            return;
        }
        Instant now = clock.instant();
        review.toChange().forEach(change -> ImprovementItem.toChange(process.id, review, change, now).persist());
        review.actionItems().forEach(action -> ImprovementItem.actionItem(process.id, review, action, now).persist());
    }

    private static Process processNamedBy(MeetingSubject subject) {
        if (subject.kind() != MeetingSubject.Kind.PROCESS) {
            return null;
        }
        Process process = Process.findById(subject.id());
        if (process == null) {
            LOG.warnf("A meeting names process %s, which does not exist here; ignored", subject.id());
        }
        return process;
    }
}

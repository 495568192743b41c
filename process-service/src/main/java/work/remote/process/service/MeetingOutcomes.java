package work.remote.process.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    /** Runs inside the inbox's transaction, so the effect and the record of the event commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReceivedEvent event) {
        if (event.is(MeetingConcluded.class)) {
            attachFeedback(event.dataAs(MeetingConcluded.class));
        } else if (event.is(RetrospectiveCompleted.class)) {
            recordImprovements(event.dataAs(RetrospectiveCompleted.class));
        }
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

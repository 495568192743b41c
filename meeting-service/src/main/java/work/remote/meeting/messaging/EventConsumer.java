package work.remote.meeting.messaging;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.meeting.service.MeetingPlanner;
import work.remote.meeting.service.SubjectCatalog;
import work.remote.platform.inbox.Inbox;
import work.remote.platform.inbox.ReceivedEvent;

/**
 * Learns the processes and launches meetings may be about, and plans meetings from other contexts' events:
 * discussion sessions when a process draft is up for review, the after-action review when a launch closes. These
 * events go through the inbox, so a redelivered one has no second effect; other event types (every ticket's, most of
 * all) are acknowledged without a transaction. Each poll's records come as one batch, whose effects commit together.
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "meeting-service";

    private final Inbox inbox;
    private final MeetingPlanner planner;
    private final SubjectCatalog subjects;

    @Inject
    public EventConsumer(Inbox inbox, MeetingPlanner planner, SubjectCatalog subjects) {
        this.inbox = inbox;
        this.planner = planner;
        this.subjects = subjects;
    }

    @Incoming("remote-work-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(CONSUMER, batch, this::reaction);
    }

    private Optional<Runnable> reaction(ReceivedEvent event) {
        if (event.is(ProcessDrafted.class)) {
            ProcessDrafted drafted = event.dataAs(ProcessDrafted.class);
            return Optional.of(() -> subjects.processDrafted(drafted));
        }
        if (event.is(ProcessPublished.class)) {
            ProcessPublished published = event.dataAs(ProcessPublished.class);
            return Optional.of(() -> subjects.processPublished(published));
        }
        if (event.is(ProcessRetired.class)) {
            ProcessRetired retired = event.dataAs(ProcessRetired.class);
            return Optional.of(() -> subjects.processRetired(retired));
        }
        if (event.is(ProcessReviewRequested.class)) {
            ProcessReviewRequested review = event.dataAs(ProcessReviewRequested.class);
            return Optional.of(() -> planner.planReviewDiscussions(review));
        }
        if (event.is(LaunchPlanned.class)) {
            LaunchPlanned planned = event.dataAs(LaunchPlanned.class);
            return Optional.of(() -> subjects.launchPlanned(planned));
        }
        if (event.is(LaunchClosed.class)) {
            LaunchClosed closed = event.dataAs(LaunchClosed.class);
            return Optional.of(() -> {
                subjects.launchClosed(closed);
                planner.planLaunchReview(closed);
            });
        }
        return Optional.empty();
    }
}

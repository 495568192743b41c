package work.remote.meeting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

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
 * discussion sessions when a process draft is up for review, the after-action review when a launch closes. Every
 * record goes through the inbox, so a redelivered event has no second effect; other event types are recorded there
 * and otherwise ignored.
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
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::react);
    }

    private void react(ReceivedEvent event) {
        if (event.is(ProcessDrafted.class)) {
            subjects.processDrafted(event.dataAs(ProcessDrafted.class));
        } else if (event.is(ProcessPublished.class)) {
            subjects.processPublished(event.dataAs(ProcessPublished.class));
        } else if (event.is(ProcessRetired.class)) {
            subjects.processRetired(event.dataAs(ProcessRetired.class));
        } else if (event.is(ProcessReviewRequested.class)) {
            planner.planReviewDiscussions(event.dataAs(ProcessReviewRequested.class));
        } else if (event.is(LaunchPlanned.class)) {
            subjects.launchPlanned(event.dataAs(LaunchPlanned.class));
        } else if (event.is(LaunchClosed.class)) {
            LaunchClosed closed = event.dataAs(LaunchClosed.class);
            subjects.launchClosed(closed);
            planner.planLaunchReview(closed);
        }
    }
}

package work.remote.meeting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import work.remote.platform.inbox.Inbox;
import work.remote.platform.inbox.ReceivedEvent;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.ticket.LaunchClosed;
import work.remote.meeting.service.MeetingPlanner;

/**
 * Plans meetings from other contexts' events: discussion sessions when a process draft is up for review, the
 * after-action review when a launch closes. Every record goes through the inbox, so a redelivered event plans
 * nothing twice; other event types are recorded there and otherwise ignored.
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "meeting-service";

    private final Inbox inbox;
    private final MeetingPlanner planner;

    @Inject
    public EventConsumer(Inbox inbox, MeetingPlanner planner) {
        this.inbox = inbox;
        this.planner = planner;
    }

    @Incoming("remote-work-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::react);
    }

    private void react(ReceivedEvent event) {
        if (event.is(ProcessReviewRequested.class)) {
            planner.planReviewDiscussions(event.dataAs(ProcessReviewRequested.class));
        } else if (event.is(LaunchClosed.class)) {
            planner.planLaunchReview(event.dataAs(LaunchClosed.class));
        }
    }
}

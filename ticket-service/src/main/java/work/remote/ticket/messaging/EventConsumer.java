package work.remote.ticket.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.RelayAcknowledged;
import work.remote.platform.inbox.Inbox;
import work.remote.platform.inbox.ReceivedEvent;
import work.remote.ticket.Actor;
import work.remote.ticket.Launch;
import work.remote.ticket.service.LaunchService;

/**
 * Records, from meeting-service's events, who attended a launch's training and to whom it was relayed
 * afterwards (gate 4). The inbox makes a redelivered event count once.
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "ticket-service";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final LaunchService launches;

    @Inject
    public EventConsumer(Inbox inbox, LaunchService launches) {
        this.inbox = inbox;
        this.launches = launches;
    }

    @Incoming("remote-work-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::reaction);
    }

    private Optional<Runnable> reaction(ReceivedEvent event) {
        if (event.is(MeetingConcluded.class)) {
            MeetingConcluded meeting = event.dataAs(MeetingConcluded.class);
            return Optional.of(() -> recordTraining(meeting));
        }
        if (event.is(RelayAcknowledged.class)) {
            RelayAcknowledged relay = event.dataAs(RelayAcknowledged.class);
            return Optional.of(() -> recordRelay(relay));
        }
        return Optional.empty();
    }

    private void recordTraining(MeetingConcluded meeting) {
        if (isLaunchTraining(meeting.kind(), meeting.subject())) {
            launches.recordTraining(meeting.subject().id(), new LaunchService.TrainingHeld(meeting.meetingId(),
                    meeting.attendees().stream().map(Invitee::person).toList(),
                    meeting.absentees().stream().map(Invitee::person).toList()), null);
        }
    }

    private void recordRelay(RelayAcknowledged relay) {
        if (isLaunchTraining(relay.meetingKind(), relay.subject())) {
            launches.recordRelay(relay.subject().id(), relay.absentee(), relay.meetingId(),
                    Actor.person(relay.supervisor()));
        }
    }

    private static boolean isLaunchTraining(MeetingKind kind, MeetingSubject subject) {
        if (kind != MeetingKind.TRAINING || subject.kind() != MeetingSubject.Kind.LAUNCH) {
            return false;
        }
        if (Launch.findById(subject.id()) == null) {
            LOG.warnf("Ignoring a training for launch %s, which this service does not know", subject.id());
            return false;
        }
        return true;
    }
}

package work.remote.process.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import work.remote.platform.inbox.Inbox;
import work.remote.process.service.MeetingOutcomes;

/**
 * Reads the events this service reacts to (meeting-service's, on {@value #CHANNEL}) and hands each to
 * {@link MeetingOutcomes}; the inbox makes a redelivered event attach nothing twice.
 */
@ApplicationScoped
public class EventConsumer {

    static final String CHANNEL = "remote-work-events";
    static final String CONSUMER = "process-service";

    private final Inbox inbox;
    private final MeetingOutcomes outcomes;

    @Inject
    public EventConsumer(Inbox inbox, MeetingOutcomes outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, outcomes::reactionTo);
    }
}

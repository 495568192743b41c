package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventSamples;
import work.remote.events.EventType;
import work.remote.events.meeting.ActionItemOverdue;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.ticket.Severity;
import work.remote.notification.service.ConfiguredContexts;
import work.remote.notification.service.ConsumedContexts;

/** Routes match on attributes read from the event's JSON, and on event types exact or per context. */
class EventAttributesTest {

    static EventAttributes of(DomainEvent event) {
        JsonNode data = EventJson.mapper().valueToTree(event);
        return ConsumedEvent.decode(null, null, event.getClass(), data).attributes();
    }

    @Test
    void aTicketsSeverityLaunchAndIdComeFromItsFields() {
        EventAttributes ticket = of(EventSamples.ticketOpened());
        assertThat(ticket.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ticket.launchId()).isEqualTo(EventSamples.LAUNCH_ID);
        assertThat(ticket.ticketId()).isEqualTo(EventSamples.TICKET_ID);
        assertThat(ticket.processKey()).isNull();
    }

    @Test
    void criticalIssuesAndTheirSlaEventsAreAlwaysCritical() {
        assertThat(of(EventSamples.criticalIssueReported()).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(of(EventSamples.slaAtRisk()).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(of(EventSamples.slaBreached()).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(of(EventSamples.launchStarted()).severity()).isNull();
    }

    @Test
    void aMeetingAboutALaunchBelongsToThatLaunchAndProcessEventsCarryTheirKey() {
        ActionItemOverdue sample = EventSamples.actionItemOverdue();
        UUID launch = UUID.randomUUID();
        ActionItemOverdue aboutALaunch = new ActionItemOverdue(sample.actionItemId(), sample.meetingId(),
                MeetingSubject.launch(launch, "Instant withdrawals"), sample.description(), sample.owner(),
                sample.due(), sample.link());
        assertThat(of(aboutALaunch).launchId()).isEqualTo(launch);
        assertThat(of(sample).launchId()).isNull();
        assertThat(of(EventSamples.processPublished()).processKey()).isEqualTo("feature-launch");
        assertThat(of(sample).processKey()).isNull();
    }

    @Test
    void aPatternIsAKnownTypeOrAWildcardOverAConsumedContext() {
        ConsumedContexts consumed = ConfiguredContexts.configured();
        EventPattern ticketEvents = consumed.pattern("work.remote.ticket.*").orElseThrow();
        assertThat(ticketEvents.covers(EventType.parse("work.remote.ticket.TicketOpened"))).isTrue();
        assertThat(ticketEvents.covers(EventType.parse("work.remote.meeting.RelayRequested"))).isFalse();
        EventPattern exact = consumed.pattern("work.remote.ticket.TicketOpened").orElseThrow();
        assertThat(exact.covers(EventType.parse("work.remote.ticket.TicketResolved"))).isFalse();

        assertThat(consumed.pattern("work.remote.ticket.Nope")).isEmpty();
        assertThat(consumed.pattern("work.remote.notification.*")).isEmpty();
        assertThat(consumed.pattern("work.remote.*")).isEmpty();
        assertThat(consumed.pattern("ticket.*")).isEmpty();
    }
}

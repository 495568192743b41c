package work.remote.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import work.remote.events.meeting.ActionItemOverdue;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.events.meeting.ParkingLotItemRecorded;
import work.remote.events.meeting.RelayAcknowledged;
import work.remote.events.meeting.RelayRequested;
import work.remote.events.meeting.RetrospectiveCompleted;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.events.process.AdoptionFeedbackRequested;
import work.remote.events.process.ChecklistAssigned;
import work.remote.events.process.ChecklistCompleted;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.process.RolloutStarted;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchGatePassed;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.LaunchStatusPosted;
import work.remote.events.ticket.RuleChanged;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.events.ticket.TicketCommented;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketResolved;
import work.remote.events.ticket.TicketStatusChanged;

/**
 * Every event type of the system, in one list: the outbox checks what it writes against it, consumers map
 * an incoming {@code ce_type} to its record with {@link #byCeType(String)}, and the contract tests prove
 * each one has a JSON Schema, a sample and an AsyncAPI message. A new event record is added here.
 */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> ALL = List.of(
            ProcessDrafted.class,
            ProcessReviewRequested.class,
            ProcessPublished.class,
            ProcessRetired.class,
            RolloutStarted.class,
            ChecklistAssigned.class,
            ChecklistCompleted.class,
            AdoptionFeedbackRequested.class,

            MeetingScheduled.class,
            MeetingConcluded.class,
            RelayRequested.class,
            RelayAcknowledged.class,
            ParkingLotItemRecorded.class,
            RetrospectiveCompleted.class,
            ActionItemOverdue.class,

            LaunchPlanned.class,
            LaunchGatePassed.class,
            LaunchStarted.class,
            LaunchStatusPosted.class,
            RuleChanged.class,
            LaunchClosed.class,
            TicketOpened.class,
            CriticalIssueReported.class,
            SlaAtRisk.class,
            SlaBreached.class,
            TicketResolved.class,
            TicketStatusChanged.class,
            TicketCommented.class,
            CriticalIssueEscalated.class,

            NotificationDelivered.class,
            NotificationDead.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_CE_TYPE = index();

    private EventCatalog() {
    }

    /** Every event class, grouped by context in the order process, meeting, ticket, notification. */
    public static List<Class<? extends DomainEvent>> all() {
        return ALL;
    }

    /** The event class of a {@code ce_type} such as {@code work.remote.ticket.CriticalIssueReported}. */
    public static Optional<Class<? extends DomainEvent>> byCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    /** The event classes of one context ({@code process}, {@code meeting}, {@code ticket}, {@code notification}). */
    public static List<Class<? extends DomainEvent>> ofContext(String context) {
        return ALL.stream().filter(type -> EventType.of(type).context().equals(context)).toList();
    }

    /** The contexts that publish events, in catalog order; each writes to {@link EventType#topicOf(String)}. */
    public static List<String> contexts() {
        return ALL.stream().map(type -> EventType.of(type).context()).distinct().toList();
    }

    private static Map<String, Class<? extends DomainEvent>> index() {
        Map<String, Class<? extends DomainEvent>> index = new LinkedHashMap<>();
        for (Class<? extends DomainEvent> type : ALL) {
            if (index.put(EventType.of(type).ceType(), type) != null) {
                throw new IllegalStateException("Two event classes share the ce_type of " + type.getName());
            }
        }
        return Map.copyOf(index);
    }
}

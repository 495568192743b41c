package work.remote.events;

/**
 * A fact one service publishes. Implementations are records in a sub-package named after their bounded
 * context ({@code work.remote.events.ticket.CriticalIssueReported}); {@link EventType} derives the
 * CloudEvents type, source and Kafka topic from that package.
 */
public interface DomainEvent {

    /** The aggregate this event is about: becomes {@code ce_subject}. */
    String eventSubject();

    /** The Kafka key: the aggregate whose events must stay in order. Defaults to the subject. */
    default String orderingKey() {
        return eventSubject();
    }
}

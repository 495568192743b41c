package work.remote.events.ticket;

/** Where a ticket is in its workflow: OPEN → TRIAGED → IN_PROGRESS → RESOLVED → CLOSED, REOPENED → IN_PROGRESS. */
public enum TicketStatus {
    OPEN,
    TRIAGED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    REOPENED
}

package work.remote.ticket;

/** Where a ticket is in its workflow: OPEN → TRIAGED → IN_PROGRESS → RESOLVED → CLOSED, REOPENED → IN_PROGRESS. */
public enum TicketState {
    OPEN, TRIAGED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED
}

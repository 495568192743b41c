package work.remote.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its workflow: OPEN → TRIAGED → IN_PROGRESS → RESOLVED → CLOSED, REOPENED → IN_PROGRESS. An
 * acknowledgement (Ticket.acknowledge) is the triage too: it takes an OPEN ticket to IN_PROGRESS in one move.
 */
public enum TicketState {
    OPEN, TRIAGED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED;

    /** The states a ticket in this state may move to. */
    public Set<TicketState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(TRIAGED);
            case TRIAGED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(IN_PROGRESS);
        };
    }
}

package work.remote.events.ticket;

/** What a ticket asks for. */
public enum TicketType {
    BUG,
    REQUEST,
    QUESTION
}

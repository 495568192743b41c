package work.remote.events.ticket;

/** How urgent a ticket is. An {@link Impact} that touches users' funds always makes it {@link #CRITICAL}. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}

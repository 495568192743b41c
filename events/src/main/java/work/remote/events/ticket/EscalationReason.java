package work.remote.events.ticket;

/** Why a critical issue was escalated beyond the targets its report went to. */
public enum EscalationReason {
    /** Nobody acknowledged it within the escalation delay after the report (15 minutes by default). */
    UNACKNOWLEDGED,
    /** It was still unresolved at the at-risk mark of its 3-hour clock. */
    UNRESOLVED_AT_RISK
}

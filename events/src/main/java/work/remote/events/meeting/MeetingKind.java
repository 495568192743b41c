package work.remote.events.meeting;

/** What a meeting is for; each kind has its own size and length limits in meeting-service. */
public enum MeetingKind {
    /** Discussing a process draft: at most 6 people, under 45 minutes. */
    DISCUSSION,
    /** Training the CS team before a launch. */
    TRAINING,
    /** An after-action review (AAR) of a process version or a launch. */
    RETROSPECTIVE
}

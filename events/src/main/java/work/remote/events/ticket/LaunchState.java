package work.remote.events.ticket;

/** The life of a feature launch, in order. */
public enum LaunchState {
    PLANNED,
    ONBOARDING,
    TRAINING,
    READY,
    LIVE,
    CLOSED
}

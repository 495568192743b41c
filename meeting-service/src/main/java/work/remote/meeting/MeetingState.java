package work.remote.meeting;

/** SCHEDULED → RUNNING (the host started it, the agenda advances) → CONCLUDED. */
public enum MeetingState {
    SCHEDULED, RUNNING, CONCLUDED
}

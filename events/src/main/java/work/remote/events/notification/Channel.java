package work.remote.events.notification;

/** How a notification reaches its target. */
public enum Channel {
    /** A Slack channel, through its incoming webhook. */
    SLACK,
    /** An email recipient or group, over SMTP. */
    EMAIL
}

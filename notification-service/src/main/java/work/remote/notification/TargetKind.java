package work.remote.notification;

import work.remote.events.notification.Channel;

/** What a route's target value names. */
public enum TargetKind {
    /** A registered Slack channel by name, e.g. {@code #product}. */
    SLACK_CHANNEL(Channel.SLACK),
    /** The Slack channel an event field names, e.g. {@code csChannel}: the launch's CS channel. */
    SLACK_CHANNEL_FROM_EVENT(Channel.SLACK),
    /** One email address. */
    EMAIL(Channel.EMAIL),
    /** A named group of addresses from {@code notification.email.groups}. */
    EMAIL_GROUP(Channel.EMAIL),
    /** The person an event field names, e.g. {@code supervisor}, addressed as configured. */
    EMAIL_PERSON_FROM_EVENT(Channel.EMAIL),
    /**
     * The person an event field names, e.g. {@code person}: in a Slack direct message where
     * {@code notification.slack.people} maps them to a Slack user and the app has its bot token, else by email.
     * {@link #channel()} is the fallback, email; routing decides per person.
     */
    PERSON_FROM_EVENT(Channel.EMAIL);

    private final Channel channel;

    TargetKind(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }

    public boolean readsEventField() {
        return this == SLACK_CHANNEL_FROM_EVENT || this == EMAIL_PERSON_FROM_EVENT || this == PERSON_FROM_EVENT;
    }
}

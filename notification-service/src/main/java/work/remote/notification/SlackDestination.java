package work.remote.notification;

/**
 * How one Slack attempt reaches Slack, decided when it is claimed: a channel's incoming webhook, the Web API with the
 * channel's bot token (a new message, perhaps in a thread, or an update of one), or nowhere, for a reason. The webhook
 * URL and the bot token are secrets: {@link #toString()} leaves them out.
 */
public sealed interface SlackDestination {

    /** Posts to the channel's incoming webhook. */
    record Webhook(String url) implements SlackDestination {

        @Override
        public String toString() {
            return "Webhook[secret]";
        }
    }

    /**
     * Calls the Web API with the channel's bot token: {@code chat.update} of message {@code updateTs} when it is
     * set, else {@code chat.postMessage}, in the thread of {@code threadTs} when that is set (also shown in the
     * channel when {@code broadcast}).
     */
    record WebApi(String botToken, String channelId, String threadTs, boolean broadcast, String updateTs)
            implements SlackDestination {

        public static WebApi post(String botToken, String channelId) {
            return new WebApi(botToken, channelId, null, false, null);
        }

        public static WebApi reply(String botToken, String channelId, String threadTs, boolean broadcast) {
            return new WebApi(botToken, channelId, threadTs, broadcast, null);
        }

        public static WebApi update(String botToken, String channelId, String ts) {
            return new WebApi(botToken, channelId, null, false, ts);
        }

        public boolean isUpdate() {
            return updateTs != null;
        }

        @Override
        public String toString() {
            return "WebApi[channel " + channelId + (threadTs != null ? ", thread " + threadTs : "")
                    + (updateTs != null ? ", update " + updateTs : "") + "]";
        }
    }

    /**
     * Nothing can be sent, for {@code reason}: for now ({@code retry}: the channel is not registered yet), or for
     * good (a message with nothing to update).
     */
    record Unavailable(String reason, boolean retry) implements SlackDestination {
    }
}

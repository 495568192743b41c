package work.remote.notification;

import java.util.Map;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackWorkspace;

/**
 * The shared infrastructure, with Slack's Web API on the Slack stand-in (what {@link RemoteWorkTestResource} leaves
 * out and this service needs for its channels bound to a bot token), the stand-in's bot token, and
 * {@link #BOT_CHANNEL} bound to it from the configuration, and {@link #SLACK_PERSON} mapped to a Slack user.
 */
public class NotificationTestResource extends RemoteWorkTestResource {

    static final String BOT_CHANNEL = "#bot-from-config";
    static final String BOT_CHANNEL_ID = "C0FROMCONFIG";
    /** A person mapped to a Slack user, whom a {@code PERSON_FROM_EVENT} target reaches in a direct message. */
    static final String SLACK_PERSON = "tom.becker";
    static final String SLACK_PERSON_USER = "U0TOM";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        config.put("notification.slack.api-url", slack().apiUrl());
        config.put("notification.slack.bot-token", SlackWorkspace.BOT_TOKEN);
        config.put("notification.slack.bot-channels.\"" + BOT_CHANNEL + "\"", BOT_CHANNEL_ID);
        config.put("notification.slack.people.\"" + SLACK_PERSON + "\"", SLACK_PERSON_USER);
        return config;
    }
}

package work.remote.notification;

import java.util.Map;

import work.remote.devinfra.RemoteWorkTestResource;

/**
 * The shared infrastructure, with Slack's Web API on the Slack stand-in: the one difference from
 * {@link RemoteWorkTestResource} this service needs, for its channels bound to a bot token.
 */
public class NotificationTestResource extends RemoteWorkTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        config.put("notification.slack.api-url", slack().apiUrl());
        return config;
    }
}

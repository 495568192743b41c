package work.remote.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackWorkspace;

/**
 * The shared infrastructure of {@link RemoteWorkTestResource}, and the Slack app wired to its Slack stand-in: the
 * Web API on the stand-in's random port, its bot token, and the signing secret {@code slackRequests()} signs with.
 */
public class TicketTestResource extends RemoteWorkTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        config.put("ticket.slack.api-url", slack().apiUrl());
        config.put("ticket.slack.bot-token", SlackWorkspace.BOT_TOKEN);
        config.put("ticket.slack.signing-secret", SLACK_SIGNING_SECRET);
        return config;
    }
}

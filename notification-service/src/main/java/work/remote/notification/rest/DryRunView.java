package work.remote.notification.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.notification.Channel;

/** Who would get what for an event: one entry per target, with the route that chose it and the message. */
public record DryRunView(String ceType, List<Message> messages) {

    /**
     * A Slack message carries {@code slack} (the Block Kit body); an email {@code emailText} and {@code emailHtml}.
     * {@code refused} is why the message would not be sent but recorded dead (a recipient outside the allowed ones),
     * null when it would be sent.
     */
    public record Message(Channel channel, String target, String route, String title, JsonNode slack,
            String emailText, String emailHtml, String refused) {
    }
}

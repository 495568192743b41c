package work.remote.notification.service;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.config.NotificationConfig;

/**
 * People reached on Slack in a direct message from the app: those {@code notification.slack.people} maps to a Slack
 * user, while the app has its bot token. Such a delivery's target is {@code @} and the user id, e.g. {@code @U0ALI},
 * which no channel name (they start with {@code #}) can be.
 */
@ApplicationScoped
public class SlackUsers {

    private static final String DIRECT = "@";
    private static final String USER_ID = "[A-Z0-9]{2,40}";

    private final Map<String, String> users;
    private final Optional<String> botToken;

    @Inject
    public SlackUsers(NotificationConfig config) {
        this.users = Map.copyOf(config.slack().people());
        this.botToken = config.slack().botToken().filter(token -> !token.isBlank());
    }

    /** The target of a direct message to {@code person}, when they can get one. */
    public Optional<String> directMessageTo(String person) {
        return botToken.flatMap(token -> Optional.ofNullable(users.get(person))).map(user -> DIRECT + user);
    }

    /** The Slack user a direct-message target goes to; empty for a channel. */
    public static Optional<String> userOf(String target) {
        return target.matches(DIRECT + USER_ID) ? Optional.of(target.substring(DIRECT.length())) : Optional.empty();
    }

    /** The app's bot token, which direct messages are sent with. */
    public Optional<String> botToken() {
        return botToken;
    }
}

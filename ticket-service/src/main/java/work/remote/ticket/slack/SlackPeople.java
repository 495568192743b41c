package work.remote.ticket.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;

import work.remote.platform.caller.Caller;
import work.remote.ticket.config.TicketConfig;

/**
 * Who a Slack user is here: the entry of {@code ticket.slack.people} keyed by their Slack user id, else the one keyed
 * by the email address Slack has for them ({@code users.info}). The person's roles come from the same entry.
 */
@ApplicationScoped
public class SlackPeople {

    private final Map<String, TicketConfig.Slack.Person> people;
    private final SlackWebApi slack;

    @Inject
    public SlackPeople(TicketConfig config, SlackWebApi slack) {
        this.people = config.slack().people();
        this.slack = slack;
    }

    /** The person behind Slack user {@code userId} (called {@code userName} there); empty when nobody is mapped. */
    public Optional<Caller> find(String userId, String userName, Instant deadline) {
        TicketConfig.Slack.Person byId = people.get(userId);
        if (byId != null) {
            return Optional.of(caller(byId, userName));
        }
        UsersInfoResponse info = slack.call("users.info", deadline, api -> api.usersInfo(r -> r.user(userId)));
        String email = Optional.ofNullable(info.getUser()).map(User::getProfile).map(User.Profile::getEmail)
                .orElse(null);
        if (email == null) {
            return Optional.empty();
        }
        return people.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(email))
                .findFirst()
                .map(entry -> caller(entry.getValue(), userName));
    }

    private static Caller caller(TicketConfig.Slack.Person person, String userName) {
        return new Caller(person.person(), userName == null || userName.isBlank() ? person.person() : userName,
                person.roles());
    }
}

package work.remote.notification.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.config.NotificationConfig;

/**
 * Email addresses of groups and people, from configuration: a person is looked up in
 * {@code notification.email.people}, else addressed as {@code name@notification.email.person-domain}; a value that
 * already is an address stays as it is.
 */
@ApplicationScoped
public class EmailDirectory {

    private final NotificationConfig.Email config;

    @Inject
    public EmailDirectory(NotificationConfig config) {
        this.config = config.email();
    }

    public Optional<List<String>> group(String name) {
        return Optional.ofNullable(config.groups().get(name));
    }

    public Optional<String> addressOf(String person) {
        if (isAddress(person)) {
            return Optional.of(person);
        }
        String listed = config.people().get(person);
        return listed != null ? Optional.of(listed) : config.personDomain().map(domain -> person + "@" + domain);
    }

    public static boolean isAddress(String value) {
        return value.matches("[^@\\s]+@[^@\\s]+");
    }
}

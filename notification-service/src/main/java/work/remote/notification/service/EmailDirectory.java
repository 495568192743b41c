package work.remote.notification.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.config.NotificationConfig;

/**
 * Email addresses of groups and people, from configuration: a person, named by their id (the token's {@code sub}), is
 * looked up in {@code notification.email.people}, else addressed as {@code id@notification.email.person-domain}; a
 * value that already is an address stays as it is. Mail goes only to allowed recipients: addresses in
 * {@code notification.email.allowed-domains} or the person domain, and the addresses {@code people} and
 * {@code groups} list.
 */
@ApplicationScoped
public class EmailDirectory {

    private final NotificationConfig.Email config;
    private final Set<String> allowedDomains;
    private final Set<String> listedAddresses;

    @Inject
    public EmailDirectory(NotificationConfig config) {
        this.config = config.email();
        this.allowedDomains = Stream.concat(this.config.allowedDomains().stream(), this.config.personDomain().stream())
                .map(EmailDirectory::normalized).collect(Collectors.toUnmodifiableSet());
        this.listedAddresses = Stream.concat(this.config.people().values().stream(),
                this.config.groups().values().stream().flatMap(List::stream))
                .map(EmailDirectory::normalized).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Where mail for {@code recipient} (a person id or an address) goes: its address, or why nothing may be mailed to
     * it, a fixed reason naming the recipient and the rule.
     */
    public record Recipient(Optional<String> address, Optional<String> refusal) {

        static Recipient at(String address) {
            return new Recipient(Optional.of(address), Optional.empty());
        }

        static Recipient refused(String reason) {
            return new Recipient(Optional.empty(), Optional.of(reason));
        }
    }

    /** Addresses {@code recipient} now and checks it against the allowed recipients. */
    public Recipient recipient(String recipient) {
        Optional<String> address = addressOf(recipient);
        if (address.isEmpty()) {
            return Recipient.refused("Recipient refused: no email address is known for " + recipient
                    + " (add notification.email.people.\"" + recipient + "\" or notification.email.person-domain, "
                    + "then replay); nothing was mailed");
        }
        if (!isAllowed(address.get())) {
            return Recipient.refused("Recipient refused: " + address.get() + " is outside the allowed recipients "
                    + "(notification.email.allowed-domains, people, groups); nothing was mailed");
        }
        return Recipient.at(address.get());
    }

    public Optional<List<String>> group(String name) {
        return Optional.ofNullable(config.groups().get(name));
    }

    /** The address of a person id (or of an address: itself), when one is configured. */
    public Optional<String> addressOf(String person) {
        if (isAddress(person)) {
            return Optional.of(person);
        }
        String listed = config.people().get(person);
        return listed != null ? Optional.of(listed) : config.personDomain().map(domain -> person + "@" + domain);
    }

    /** Whether mail may go to {@code address}: a configured address, or one in an allowed domain. */
    public boolean isAllowed(String address) {
        String normalized = normalized(address);
        return listedAddresses.contains(normalized)
                || allowedDomains.contains(normalized.substring(normalized.lastIndexOf('@') + 1));
    }

    /** Why a route may not name {@code address}, as its problem says. */
    public String allowedRecipients() {
        return "must be an address in " + allowedDomains.stream().sorted().toList()
                + " (notification.email.allowed-domains) or one notification.email.people or groups list";
    }

    public static boolean isAddress(String value) {
        return value.matches("[^@\\s]+@[^@\\s]+");
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}

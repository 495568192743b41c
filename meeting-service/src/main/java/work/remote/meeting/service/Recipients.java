package work.remote.meeting.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.meeting.config.MeetingConfig;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * Keeps mail inside the company: a person a request names by email address must be in one of
 * {@code meeting.recipients.allowed-domains}, checked when the meeting, parking-lot item or action item is written,
 * so that no event ever names an outside address for notification-service to mail.
 */
@ApplicationScoped
public class Recipients {

    private final Set<String> allowedDomains;

    @Inject
    public Recipients(MeetingConfig config) {
        this.allowedDomains = config.recipients().allowedDomains().stream().map(Recipients::normalized)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code person}, given in {@code field}, may not be named; empty for a person id or an allowed address. */
    private Optional<Problem.Violation> refusal(String field, String person) {
        if (person == null || !isAddress(person)) {
            return Optional.empty();
        }
        String address = normalized(person);
        if (allowedDomains.contains(address.substring(address.lastIndexOf('@') + 1))) {
            return Optional.empty();
        }
        return Optional.of(new Problem.Violation(field, "mail may only go to addresses in "
                + allowedDomains.stream().sorted().toList() + " (meeting.recipients.allowed-domains)"));
    }

    /** Adds to {@code violations} why {@code person}, given in {@code field}, may not be named, if they may not. */
    public void check(String field, String person, List<Problem.Violation> violations) {
        refusal(field, person).ifPresent(violations::add);
    }

    /** Refuses (400) {@code person}, given in {@code field}, when mail may not reach them. */
    public void require(String field, String person) {
        refusal(field, person).ifPresent(violation -> {
            throw ProblemException.invalid(List.of(violation));
        });
    }

    private static boolean isAddress(String value) {
        return value.matches("[^@\\s]+@[^@\\s]+");
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}

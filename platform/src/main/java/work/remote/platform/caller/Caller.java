package work.remote.platform.caller;

import java.util.Arrays;
import java.util.Set;

import work.remote.platform.problem.ProblemException;

/**
 * Who makes a request: their name (the token's {@code upn} or {@code preferred_username}) and the roles of its
 * {@code groups} claim. Services take it as an argument, so their rules never read the token themselves.
 */
public record Caller(String name, Set<String> roles) {

    public static final String ADMIN = "admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(String name, String... roles) {
        return new Caller(name, Set.of(roles));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean is(String person) {
        return name.equals(person);
    }

    /** Lets the request through when the caller is one of {@code people} or an admin; 403 naming them otherwise. */
    public void mustBe(String what, String... people) {
        if (isAdmin() || Arrays.asList(people).contains(name)) {
            return;
        }
        throw ProblemException.forbidden("not-" + what.replace(' ', '-'), "Only the " + what + " may do this",
                name + " is not the " + what + " (" + String.join(", ", people) + ")");
    }
}

package work.remote.platform.caller;

import java.util.Arrays;
import java.util.Set;

import work.remote.platform.problem.ProblemException;

/**
 * Who makes a request: their stable {@code id} (the token's {@code sub}), their display {@code name} (its {@code upn}
 * or {@code preferred_username}, which may change) and the roles of its {@code groups} claim. Ownership is always
 * decided on the id; the name is only kept beside it for people to read. Services take a caller as an argument, so
 * their rules never read the token themselves.
 */
public record Caller(String id, String name, Set<String> roles) {

    public static final String ADMIN = "admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller whose id is also their name: the services' own seeds, which no token carries. */
    public static Caller of(String person, String... roles) {
        return new Caller(person, person, Set.of(roles));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Whether this caller is the person with the stable id {@code personId}. */
    public boolean is(String personId) {
        return id.equals(personId);
    }

    /** Lets the request through when the caller is one of {@code people} (ids) or an admin; 403 naming them otherwise. */
    public void mustBe(String what, String... people) {
        if (isAdmin() || Arrays.asList(people).contains(id)) {
            return;
        }
        throw ProblemException.forbidden("not-" + what.replace(' ', '-'), "Only the " + what + " may do this",
                this + " is not the " + what + " (" + String.join(", ", people) + ")");
    }

    /** The display name with the id beside it, as problems and logs show a person. */
    @Override
    public String toString() {
        return name.equals(id) ? id : name + " (" + id + ")";
    }
}

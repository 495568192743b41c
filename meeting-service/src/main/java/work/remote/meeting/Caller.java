package work.remote.meeting;

import java.util.Arrays;
import java.util.List;

import work.remote.platform.problem.ProblemException;

/** Who makes a request: their name (the token's {@code upn}) and whether they hold the {@code admin} role. */
public record Caller(String name, boolean admin) {

    /** Lets the request through when the caller is one of {@code people} or an admin; 403 naming them otherwise. */
    public void mustBe(String what, String... people) {
        if (admin || Arrays.asList(people).contains(name)) {
            return;
        }
        throw new ProblemException(403, "not-" + what.replace(' ', '-'), "Only the " + what + " may do this",
                name + " is not the " + what + " (" + String.join(", ", people) + ")", List.of());
    }
}

package work.remote.notification;

import work.remote.platform.problem.ProblemException;

/** Optimistic locking seen from the API: a change names the version it was made against. */
public final class Versions {

    private Versions() {
    }

    /** The version a change names; a change that names none is invalid. */
    public static long given(Long version) {
        if (version == null) {
            throw ProblemException.invalid("version", "must be the version the change was made against");
        }
        return version;
    }

    public static void require(long current, long expected, String what) {
        if (current != expected) {
            throw ProblemException.conflict("stale-version", "Changed in the meantime",
                    what + " is at version " + current + ", the change was made against version " + expected);
        }
    }
}

package work.remote.platform.revision;

import work.remote.platform.problem.ProblemException;

/** The optimistic check behind {@code If-Match}: a change made on a version other than the current one is refused. */
public final class Revision {

    private Revision() {
    }

    /** Passes when {@code expected} is null (the caller named no version) or names {@code current}; 409 otherwise. */
    public static void require(String what, long current, Long expected) {
        if (expected != null && expected != current) {
            throw ProblemException.conflict("stale-revision", "Changed a stale revision", "You changed revision "
                    + expected + " of " + what + ", but it is now at " + current + "; reload it and apply your "
                    + "change again");
        }
    }
}

package work.remote.meeting;

import work.remote.platform.problem.ProblemException;

/**
 * The optimistic check behind {@code If-Match}: a change made on a version other than the current one is refused
 * with 409 naming both, as process-service refuses a stale draft edit.
 */
final class Revision {

    private Revision() {
    }

    /** Passes when {@code expected} is null (the caller named no version) or names {@code current}. */
    static void require(String what, long current, Long expected) {
        if (expected != null && expected != current) {
            throw ProblemException.conflict("stale-revision", "Changed a stale revision", "You changed revision "
                    + expected + " of " + what + ", but it is now at " + current + "; reload it and apply your "
                    + "change again");
        }
    }
}

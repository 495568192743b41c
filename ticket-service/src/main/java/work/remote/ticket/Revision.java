package work.remote.ticket;

import java.util.UUID;

import work.remote.platform.problem.ProblemException;

/** The optimistic-concurrency rule of an editable aggregate: a change names the revision it was made to. */
final class Revision {

    private Revision() {
    }

    /** Refuses a change made to revision {@code expected} once the aggregate is at {@code current}; null skips it. */
    static void require(String what, UUID id, long current, Long expected) {
        if (expected != null && expected != current) {
            throw ProblemException.conflict("stale-revision", "Edited a stale revision",
                    "You edited revision " + expected + " of " + what + " " + id + ", but it is now at " + current
                            + "; reload it and apply your change again");
        }
    }
}

package work.remote.process;

import work.remote.platform.problem.ProblemException;

/** The check every editable aggregate makes before a change: the caller edited its current revision. */
final class Revision {

    private Revision() {
    }

    /** Refuses the change when {@code expected} is given and is not {@code current}: someone changed it in between. */
    static void require(String what, long current, Long expected) {
        if (expected != null && current != expected) {
            throw ProblemException.conflict("stale-revision", "Edited a stale revision",
                    "You edited revision " + expected + " of " + what + ", but it is now at " + current
                            + "; reload it and apply your change again");
        }
    }
}

package work.remote.platform.inbox;

import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;

import org.hibernate.StaleStateException;

/** What a failure to process an event means for that event: whether trying again can help, and how long. */
public enum FailureKind {

    /** The record can never be processed: straight to the dead-letter topic. */
    MALFORMED,
    /** The database or its transaction failed (unreachable, restarting, a lock, a serialization conflict): wait and retry, without limit. */
    TRANSIENT,
    /** Anything else (a programming error, a rule the event breaks): a few more attempts, then the dead-letter topic. */
    UNEXPECTED;

    /**
     * SQLSTATE classes that come from the statement or the data it carries, so repeating it gives the same answer:
     * data exception, integrity constraint violation, syntax error or access rule violation.
     */
    private static final Set<String> DETERMINISTIC_SQL_STATE_CLASSES = Set.of("22", "23", "42");
    private static final int MAX_CAUSE_DEPTH = 32;

    public static FailureKind of(Throwable failure) {
        boolean transientCause = false;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSE_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof MalformedEventException) {
                return MALFORMED;
            }
            if (cause instanceof SQLException sql) {
                if (isDeterministic(sql)) {
                    return UNEXPECTED;
                }
                transientCause = true;
            } else if (isTransactionOrLockFailure(cause)) {
                transientCause = true;
            }
        }
        return transientCause ? TRANSIENT : UNEXPECTED;
    }

    private static boolean isDeterministic(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && state.length() >= 2 && DETERMINISTIC_SQL_STATE_CLASSES.contains(state.substring(0, 2));
    }

    private static boolean isTransactionOrLockFailure(Throwable failure) {
        return failure instanceof SystemException || failure instanceof RollbackException
                || failure instanceof HeuristicMixedException || failure instanceof HeuristicRollbackException
                || failure instanceof OptimisticLockException || failure instanceof StaleStateException
                || failure instanceof PessimisticLockException || failure instanceof LockTimeoutException
                || failure instanceof QueryTimeoutException;
    }
}

package work.remote.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * What a failure that reached the REST layer says about the database, read from the whole chain of causes and
 * suppressed exceptions (Hibernate wraps the driver's exception, a commit wraps what its flush threw).
 */
final class DatabaseFailure {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now, query_canceled (a statement timeout),
     * too_many_connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");
    /** How Agroal says that no connection could be had within the acquisition timeout; it gives no SQLState. */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseFailure() {
    }

    /** The unique constraint a write broke (its name when the database gave one), or empty. */
    static Optional<String> duplicate(Throwable failure) {
        return first(failure, cause -> {
            if (cause instanceof ConstraintViolationException violation
                    && (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                            || UNIQUE_VIOLATION.equals(violation.getSQLState()))) {
                return Optional.of(violation.getConstraintName() == null ? "" : violation.getConstraintName());
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of("");
            }
            return Optional.empty();
        });
    }

    /**
     * Whether the database could not be reached or did not answer in time: no pooled connection within the
     * acquisition timeout, a broken or timed-out connection, a server shutting down or refusing connections, a
     * statement cancelled by its timeout, or a transaction the transaction manager rolled back on its own (its
     * timeout) without any database error.
     */
    static boolean unavailable(Throwable failure) {
        if (first(failure, cause -> unreachable(cause) ? Optional.of(cause) : Optional.empty()).isPresent()) {
            return true;
        }
        boolean rolledBackByTransactionManager = first(failure,
                cause -> cause instanceof RollbackException ? Optional.of(cause) : Optional.empty()).isPresent();
        boolean databaseError = first(failure,
                cause -> cause instanceof SQLException ? Optional.of(cause) : Optional.empty()).isPresent();
        return rolledBackByTransactionManager && !databaseError;
    }

    private static boolean unreachable(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                return state.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(state);
            }
            return sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT);
        }
        return false;
    }

    /** The first non-empty answer of {@code test} over the failure, its causes, suppressed and chained exceptions. */
    private static <T> Optional<T> first(Throwable failure, Function<Throwable, Optional<T>> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            Optional<T> answer = test.apply(next);
            if (answer.isPresent()) {
                return answer;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return Optional.empty();
    }
}

package work.remote.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransactionException;

/** Which failures a consumer waits out, which ones it gives a few attempts, and which ones it dead-letters at once. */
class FailureKindTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsTransient() {
        assertThat(FailureKind.of(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new PersistenceException(new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new PersistenceException(new SQLException(
                "FATAL: database \"meeting\" is not currently accepting connections", "55000"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aPoolThatCannotHandOutAConnectionInTimeIsTransient() {
        assertThat(FailureKind.of(new PersistenceException(new SQLTransientConnectionException(
                "Acquisition timeout while waiting for new connection")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new SQLException("Sorry, acquisition timeout!"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void lockSerializationAndTransactionFailuresAreTransient() {
        assertThat(FailureKind.of(new PersistenceException(new SQLException("could not serialize access", "40001"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new PersistenceException(new SQLException("deadlock detected", "40P01"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new OptimisticLockException("changed concurrently"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new QuarkusTransactionException(new RollbackException("commit failed"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aStatementThatFailsOnItsDataGivesTheSameAnswerEveryTime() {
        assertThat(FailureKind.of(new PersistenceException(new SQLException("value too long", "22001"))))
                .isEqualTo(FailureKind.UNEXPECTED);
        assertThat(FailureKind.of(new PersistenceException(new SQLException("duplicate key value", "23505"))))
                .isEqualTo(FailureKind.UNEXPECTED);
        assertThat(FailureKind.of(new PersistenceException(new SQLException("column does not exist", "42703"))))
                .isEqualTo(FailureKind.UNEXPECTED);
    }

    @Test
    void programmingErrorsAreUnexpected() {
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.UNEXPECTED);
        assertThat(FailureKind.of(new IllegalStateException("launch is CLOSED"))).isEqualTo(FailureKind.UNEXPECTED);
    }

    @Test
    void aMalformedRecordIsMalformedHoweverDeepItIsWrapped() {
        assertThat(FailureKind.of(new QuarkusTransactionException(new MalformedEventException("no ce_subject"))))
                .isEqualTo(FailureKind.MALFORMED);
    }
}

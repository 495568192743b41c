package work.remote.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    @Test
    void aUniqueViolationFlushedAtCommitIsADuplicateNamingItsConstraint() {
        SQLException duplicateKey = new SQLException("duplicate key value", "23505");
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new ConstraintViolationException("could not execute statement", duplicateKey,
                ConstraintViolationException.ConstraintKind.UNIQUE, "adoption_feedback_rollout_id_person_key"));

        assertThat(DatabaseFailure.duplicate(new RuntimeException(commit)))
                .contains("adoption_feedback_rollout_id_person_key");
        assertThat(DatabaseFailure.unavailable(commit)).isFalse();
    }

    @Test
    void aUniqueViolationSeenOnlyAsASuppressedDriverErrorIsStillADuplicate() {
        RollbackException commit = new RollbackException("could not commit");
        commit.addSuppressed(new SQLException("duplicate key value", "23505"));

        assertThat(DatabaseFailure.duplicate(commit)).contains("");
    }

    @Test
    void otherConstraintViolationsAreNeitherDuplicatesNorUnavailability() {
        SQLException foreignKey = new SQLException("violates foreign key constraint", "23503");
        PersistenceException failure = new ConstraintViolationException("could not execute statement", foreignKey,
                ConstraintViolationException.ConstraintKind.FOREIGN_KEY, "ticket_launch_fk");

        assertThat(DatabaseFailure.duplicate(failure)).isEmpty();
        assertThat(DatabaseFailure.unavailable(failure)).isFalse();
    }

    @Test
    void aConnectionThatTimedOutOrBrokeIsUnavailability() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketTimeoutException("Read timed out"));
        assertThat(DatabaseFailure.unavailable(new JDBCConnectionException("could not execute statement", io)))
                .isTrue();
        assertThat(DatabaseFailure.unavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailure.unavailable(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void noPooledConnectionWithinTheAcquisitionTimeoutIsUnavailability() {
        SQLException agroal = new SQLException("Acquisition timeout while waiting for new connection");
        assertThat(DatabaseFailure.unavailable(
                new GenericJDBCException("Unable to acquire JDBC Connection", agroal))).isTrue();
    }

    @Test
    void aTransactionRolledBackWithoutADatabaseErrorIsUnavailabilityAndWithOneIsNot() {
        assertThat(DatabaseFailure.unavailable(new RollbackException("ARJUNA016102: The transaction is not active!")))
                .isTrue();
        RollbackException checkFailed = new RollbackException("could not commit");
        checkFailed.initCause(new SQLException("violates check constraint", "23514"));
        assertThat(DatabaseFailure.unavailable(checkFailed)).isFalse();
    }

    @Test
    void aBugIsNeither() {
        IllegalStateException bug = new IllegalStateException("no such step");
        assertThat(DatabaseFailure.duplicate(bug)).isEmpty();
        assertThat(DatabaseFailure.unavailable(bug)).isFalse();
    }
}

package work.remote.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Tells a row the broker will never take apart from a failure that sending the same row again can overcome. */
final class PublishFailures {

    private PublishFailures() {
    }

    /**
     * Whether {@code failure} is about the record itself (too large, an invalid topic, unserialisable, refused by
     * the broker for what it is), so that sending it again is bound to fail the same way. Failures of the client or
     * the cluster (retriable errors, authentication and authorization, the producer's own state, a closed or
     * interrupted producer) are not: the row is retried, in order.
     */
    static boolean isPermanent(Throwable failure) {
        if (failure instanceof RetriableException) {
            return false;
        }
        if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof InvalidRecordException
                || failure instanceof SerializationException) {
            return true;
        }
        if (failure instanceof AuthenticationException || failure instanceof AuthorizationException
                || failure instanceof ApplicationRecoverableException || failure instanceof OutOfOrderSequenceException
                || failure instanceof UnsupportedVersionException) {
            return false;
        }
        return failure instanceof ApiException;
    }
}

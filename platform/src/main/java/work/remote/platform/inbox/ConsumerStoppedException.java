package work.remote.platform.inbox;

/**
 * The service stopped while a record was still waiting for its database. The record is left unacknowledged, so its
 * offset is not committed and it is delivered again after the restart; it never goes to the dead-letter topic.
 */
public class ConsumerStoppedException extends RuntimeException {

    public ConsumerStoppedException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}

package work.remote.platform.inbox;

/** An event whose effect kept failing for an unexpected reason; it goes to the dead-letter topic with that reason. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}

package work.remote.platform.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: DOWN while one of them waits for its database to take an event, naming the
 * consumer, the event and the last error; UP again once that event went through.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    static final String NAME = "Event consumers";

    private final Clock clock;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    @Inject
    public ConsumerReadiness(Clock clock) {
        this.clock = clock;
    }

    private record Waiting(ReceivedEvent event, Instant since, int attempts, String lastError) {

        String describe() {
            return "retrying " + event.type().ceType() + " " + event.id() + " since " + since + " (" + attempts
                    + " attempt(s)): " + lastError;
        }
    }

    void retrying(String consumer, ReceivedEvent event, int attempts, Throwable failure) {
        waiting.compute(consumer, (name, previous) -> new Waiting(event,
                previous != null && previous.event().id().equals(event.id()) ? previous.since() : clock.instant(),
                attempts, describe(failure)));
    }

    void caughtUp(String consumer) {
        waiting.remove(consumer);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(waiting.isEmpty());
        waiting.forEach((consumer, state) -> response.withData(consumer, state.describe()));
        return response.build();
    }

    /** The innermost message, which names what really failed (the outer ones are wrappers). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getName() + message;
    }
}

package work.remote.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service restarted alone: the time from its process ending to its readiness check answering UP again. The
 * stack owns the processes, so the benchmark asks it: {@code POST <services.url>/<service>/restart} (the stack's
 * control endpoint) kills that service the hard way and starts it again. This side times the readiness check itself,
 * every 10 ms, from the moment the old process is gone.
 */
final class RestartToReady {

    private static final Duration TAKEN_WITHIN = Duration.ofSeconds(10);
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private RestartToReady() {
    }

    /** Seconds from the old process's end to ready, or empty when the stack has no control endpoint. */
    static OptionalDouble measure(Properties stack, ServiceProcess service) throws Exception {
        String services = stack.getProperty("services.url");
        if (services == null) {
            System.out.printf("Restart: not measured, the stack names no control endpoint (services.url)%n%n");
            return OptionalDouble.empty();
        }
        URI readiness = service.readiness();
        System.out.printf("Restart: %s (pid %d) killed and started again by the stack, timed to %s answering UP%n",
                service.name(), service.handle().pid(), readiness);
        CompletableFuture<HttpResponse<String>> restart = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(services + "/" + service.name() + "/restart"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long endedAt;
        try {
            service.handle().onExit().get(TAKEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            endedAt = System.nanoTime();
        } catch (TimeoutException notTaken) {
            System.out.printf("Restart: not measured, the stack did not stop %s within %d s%n%n", service.name(),
                    TAKEN_WITHIN.toSeconds());
            return OptionalDouble.empty();
        }
        long deadline = endedAt + READY_WITHIN.toNanos();
        while (!ServiceProcess.ready(readiness)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + " was not ready within " + READY_WITHIN.toMinutes()
                        + " minutes of its restart");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        double seconds = (System.nanoTime() - endedAt) / 1e9;
        HttpResponse<String> answer = restart.get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        System.out.printf("%s: ready %.2f s after its process ended (the stack answered %d: %s)%n%n", service.name(),
                seconds, answer.statusCode(), answer.body());
        return OptionalDouble.of(seconds);
    }
}

package work.remote.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service restarted alone: the time from its process ending to its readiness check answering UP again. The
 * stack owns the processes, so the benchmark asks it: an empty file {@code restart/<service>} in the stack's
 * directory (next to {@code stack.properties}) asks the stack to kill that service the hard way and start it again;
 * the stack deletes the file when it takes the request. A stack without a {@code restart} directory takes no requests.
 */
final class RestartToReady {

    private static final Duration TAKEN_WITHIN = Duration.ofSeconds(10);
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private RestartToReady() {
    }

    /** Seconds from the old process's end to ready, or empty when the stack takes no restart requests. */
    static OptionalDouble measure(Path stackHome, ServiceProcess service) throws Exception {
        Path requests = stackHome.resolve("restart");
        if (!Files.isDirectory(requests)) {
            System.out.printf("Restart: not measured, the stack takes no restart requests (no %s)%n%n", requests);
            return OptionalDouble.empty();
        }
        URI readiness = service.readiness();
        System.out.printf("Restart: %s (pid %d) killed and started again by the stack, timed to %s answering UP%n",
                service.name(), service.handle().pid(), readiness);
        Path request = requests.resolve(service.name());
        Files.createFile(request);
        long endedAt;
        try {
            service.handle().onExit().get(TAKEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            endedAt = System.nanoTime();
        } catch (TimeoutException notTaken) {
            Files.deleteIfExists(request);
            System.out.printf("Restart: not measured, the stack did not take %s within %d s%n%n", request,
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
        System.out.printf("%s: ready %.2f s after its process ended%n%n", service.name(), seconds);
        return OptionalDouble.of(seconds);
    }
}

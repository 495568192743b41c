package work.remote.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import work.remote.devinfra.LogFiles;

/** Waits until a service process answers UP on {@code /q/health/ready} (its management port), or says why it never will, with its log. */
final class Readiness {

    static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** How often it asks: a start's measured time is late by up to this much. */
    private static final Duration POLL = Duration.ofMillis(50);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** Returns once {@code service} is ready; throws with the tail of {@code log} when it exits or takes too long. */
    static void await(StackService service, Process process, Path log, Instant deadline) {
        while (!ready(service)) {
            if (!process.isAlive()) {
                throw notReady(service, log, "it exited with code " + process.exitValue());
            }
            if (Instant.now().isAfter(deadline)) {
                throw notReady(service, log, "it was not ready within " + TIMEOUT.toMinutes() + " minutes");
            }
            try {
                process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notReady(service, log, "interrupted while waiting for it");
            }
        }
    }

    private static boolean ready(StackService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            var response = HTTP.send(request, BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static IllegalStateException notReady(StackService service, Path log, String reason) {
        return new IllegalStateException(service.name() + " did not become ready: " + reason + System.lineSeparator()
                + "--- last lines of " + log + " ---" + System.lineSeparator()
                + LogFiles.tail(log, 40));
    }
}

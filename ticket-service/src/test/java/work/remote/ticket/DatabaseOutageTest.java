package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import work.remote.devinfra.PostgresServer;
import work.remote.devinfra.RemoteWorkTestResource;

/** A frozen database: requests end within seconds with 503 and Retry-After, and succeed again once it is back. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class DatabaseOutageTest {

    /** The socket timeout (10 s) bounds a statement on an open connection; the rest is slack for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void aReportWhileTheDatabaseIsFrozenIsRefusedWith503AndRetryAfterWithinSeconds() {
        TicketResourceTest.report("cs-agent", TicketResourceTest.ticket("Before the freeze", "BUG", "DEGRADED", 1))
                .statusCode(201);

        try (PostgresServer.Freeze frozen = RemoteWorkTestResource.postgres().freeze()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                long started = System.nanoTime();
                ExtractableResponse<Response> response = TicketResourceTest.report("cs-agent",
                        TicketResourceTest.ticket("Withdrawals fail during the freeze", "BUG", "WITHDRAWAL_BLOCKED", 1))
                        .statusCode(503)
                        .contentType(startsWith("application/problem+json"))
                        .body("status", equalTo(503))
                        .body("type", equalTo("https://remote.work/problems/database-unavailable"))
                        .extract();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
                assertThat(response.header("Retry-After")).isEqualTo("5");
            }
        }

        TicketResourceTest.report("cs-agent",
                TicketResourceTest.ticket("After the freeze", "BUG", "WITHDRAWAL_BLOCKED", 1)).statusCode(201).body("severity", equalTo("CRITICAL"));
    }
}

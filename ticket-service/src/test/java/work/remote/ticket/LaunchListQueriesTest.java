package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static work.remote.ticket.Launches.as;

import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;

/** Listing launches costs the same few statements whatever the page size: no query per launch. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class LaunchListQueriesTest {

    /** The page, its total, and the onboarding, training and passed-gate records of all its launches. */
    private static final long STATEMENTS_PER_PAGE = 5;

    @Inject
    @PersistenceUnitExtension
    LaunchStatements statements;

    @Test
    void aPageOfLaunchesTakesAFixedNumberOfStatements() {
        IntStream.rangeClosed(1, 4).forEach(n -> Launches.preparedExcept("Listed launch " + n, null));

        assertThat(statementsToListReady(2)).isEqualTo(STATEMENTS_PER_PAGE);
        assertThat(statementsToListReady(4)).isEqualTo(STATEMENTS_PER_PAGE);
    }

    /**
     * The fewest statements on launches and their records counted over a few requests for a full page of
     * {@code size} READY launches, each with its onboarding, training and passed gates recorded. Another test's
     * launch being written meanwhile can only add to a count, never take from it.
     */
    private long statementsToListReady(int size) {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = statements.count();
            as(Launches.PRODUCT, "product").queryParam("state", "READY").queryParam("size", size)
                    .get("/launches")
                    .then().statusCode(200).body("items", hasSize(size));
            fewest = Math.min(fewest, statements.count() - before);
        }
        return fewest;
    }
}

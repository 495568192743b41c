package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemMapper;
import work.remote.process.service.ProcessService;

/** Two edits that both passed the If-Match check: the database's row version lets only one of them win. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ConcurrentEditTest {

    @Inject
    ProcessService processes;

    @Inject
    EntityManager entityManager;

    @Test
    void theLoserOfTwoConcurrentEditsGetsAConflictProblem() {
        var draft = Drafts.review(Drafts.uniqueKey("race"));
        UUID id = UUID.fromString(Api.created(draft));

        Throwable loser = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
            Process stale = entityManager.find(Process.class, id);
            QuarkusTransaction.requiringNew().run(() -> processes.editDraft(id, stale.version,
                    Drafts.withTitle(draft, "The winner").command(), Caller.of("someone-product", "product")));
            stale.replaceDraft(Drafts.withTitle(draft, "The loser").definition(), java.time.Instant.now());
            entityManager.flush();
        }));

        assertThat(loser).isInstanceOf(OptimisticLockException.class);
        String title = QuarkusTransaction.requiringNew().call(() -> Process.<Process>findById(id).title);
        assertThat(title).isEqualTo("The winner");
        Response response = new ProblemMapper().concurrentUpdate((OptimisticLockException) loser, null);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).type()).hasToString("https://remote.work/problems/concurrent-update");
    }
}

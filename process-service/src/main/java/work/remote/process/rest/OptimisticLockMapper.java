package work.remote.process.rest;

import java.net.URI;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import work.remote.problem.Problem;

/** Two edits raced and the database saw the loser's stale row version: a 409, as for a stale If-Match. */
public class OptimisticLockMapper {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    static Response conflict(UriInfo uri) {
        Problem problem = new Problem(Problem.type("concurrent-edit"), "Changed concurrently", 409,
                "Someone else changed this at the same time; reload it and apply your change again",
                uri == null ? null : URI.create(uri.getPath()), List.of());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

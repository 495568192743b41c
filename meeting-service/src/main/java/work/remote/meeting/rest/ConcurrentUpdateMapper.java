package work.remote.meeting.rest;

import java.net.URI;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import work.remote.problem.Problem;
import work.remote.problem.ProblemException;

/** Two requests changed the same meeting, relay or item at once: the later one is told to retry, never a 500. */
public class ConcurrentUpdateMapper {

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("concurrent-update", "Changed concurrently",
                "Someone else changed it at the same time; read it again and retry").toProblem(
                        uri == null ? null : URI.create(uri.getPath()));
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

package work.remote.notification.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import work.remote.problem.Problem;
import work.remote.problem.ProblemException;

/** Two changes of the same route or channel at once: the later one gets a 409 problem, not a 500. */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("stale-version", "Changed in the meantime",
                "Someone changed it at the same time; read it again and repeat the change")
                .toProblem(uri.getRequestUri());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

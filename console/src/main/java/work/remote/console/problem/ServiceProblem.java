package work.remote.console.problem;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A service's refusal or failure, carried up to the page that shows it in words. */
public class ServiceProblem extends RuntimeException {

    /** How long a page asks the browser to wait before reading again when a service could not answer. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final transient Problem problem;
    private final int status;

    private ServiceProblem(Problem problem, int status) {
        super(problem.message(), null, false, false);
        this.problem = problem;
        this.status = status;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * A page that could not be read, answering with what stopped it: the service's refusal as it was (404, 403, ...),
     * or 503 with {@code Retry-After} when the service failed or could not be reached.
     */
    public Response page(Object entity) {
        Response.ResponseBuilder answer = Response.status(status).entity(entity);
        return status == 503 ? answer.header("Retry-After", RETRY_AFTER_SECONDS).build() : answer.build();
    }

    /** Calls {@code service} through a generated client; whatever it refuses becomes a {@link ServiceProblem}. */
    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new ServiceProblem(of(service, e.getResponse()), status >= 500 ? 503 : status);
        } catch (ProcessingException e) {
            throw new ServiceProblem(Problem.unreachable(service), 503);
        }
    }

    private static Problem of(String service, Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        return Problem.of(service, response.getStatus(), response.getHeaderString("Content-Type"), body);
    }
}

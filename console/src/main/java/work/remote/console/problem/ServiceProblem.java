package work.remote.console.problem;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A service's refusal or failure, carried up to the page that shows it in words. */
public class ServiceProblem extends RuntimeException {

    private final transient Problem problem;

    public ServiceProblem(Problem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Calls {@code service} through a generated client; whatever it refuses becomes a {@link ServiceProblem}. */
    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw new ServiceProblem(of(service, e.getResponse()));
        } catch (ProcessingException e) {
            throw new ServiceProblem(Problem.unreachable(service));
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

package work.remote.console.signin;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Sends whoever is not signed in to the sign-in; htmx requests get {@code HX-Redirect} so that the whole page goes,
 * not a fragment of it.
 */
public class SignInFilter {

    private static final Set<String> OPEN = Set.of("/sign-in", "/sign-out", "/oidc/sign-in");

    private final SignedIn signedIn;

    public SignInFilter(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ServerRequestFilter
    public Response requireSignIn(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (OPEN.contains(path) || signedIn.viewer().isPresent()) {
            return null;
        }
        if (request.getHeaderString("HX-Request") != null) {
            return Response.status(Response.Status.UNAUTHORIZED).header("HX-Redirect", "/sign-in").build();
        }
        if (path.startsWith("/live")) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        return Response.seeOther(URI.create("/sign-in")).build();
    }
}

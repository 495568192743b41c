package work.remote.console.signin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import work.remote.console.config.ConsoleConfig;
import work.remote.console.problem.Problem;

/**
 * Signing in and out. With dev sign-in (the local stack) a form takes any person and roles and keeps the dev token
 * endpoint's token in an HttpOnly cookie; otherwise {@code /oidc/sign-in} starts OpenID Connect's authorization code
 * flow, whose session cookie quarkus-oidc keeps.
 */
@Path("/")
public class SignInResource {

    /** The roles of the product, as the services know them. */
    public static final List<String> ROLES = List.of("product", "cs-lead", "cs-agent", "ops", "admin");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String person, List<String> roles, List<String> chosen,
                Problem problem);
    }

    private final ConsoleConfig config;
    private final DevTokens devTokens;
    private final Clock clock;

    public SignInResource(ConsoleConfig config, DevTokens devTokens, Clock clock) {
        this.config = config;
        this.devTokens = devTokens;
        this.clock = clock;
    }

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        if (!config.devSignIn().enabled()) {
            return Response.seeOther(URI.create("/oidc/sign-in")).build();
        }
        return Response.ok(Templates.signIn("", ROLES, List.of(), null)).build();
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String person, @RestForm List<String> roles) {
        if (!config.devSignIn().enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        List<String> chosen = roles == null ? List.of() : roles;
        DevTokens.Answer answer = devTokens.token(person == null ? "" : person.strip(), chosen);
        Optional<Viewer> viewer = Viewer.of(answer.token(), clock.instant());
        if (viewer.isEmpty()) {
            Problem problem = answer.problem() != null ? answer.problem()
                    : new Problem("The dev token endpoint answered no token the console can read.", Map.of());
            return Response.status(answer.problem() == null ? 502 : 400)
                    .entity(Templates.signIn(person, ROLES, chosen, problem)).build();
        }
        long maxAge = Duration.between(clock.instant(), viewer.get().expiresAt()).toSeconds();
        return Response.seeOther(URI.create("/")).cookie(cookie(viewer.get().token(), (int) maxAge)).build();
    }

    @POST
    @Path("/sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/sign-in")).cookie(cookie("", 0)).build();
    }

    /** Where OpenID Connect brings the viewer back to once signed in. */
    @GET
    @Path("/oidc/sign-in")
    @Authenticated
    public Response signedInWithOidc() {
        return Response.seeOther(URI.create("/")).build();
    }

    private static NewCookie cookie(String token, int maxAge) {
        return new NewCookie.Builder(SignedIn.COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}

package work.remote.console.signin;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import work.remote.console.config.ConsoleConfig;

/**
 * The viewer of the current request: with dev sign-in, the one whose token the sign-in cookie holds; otherwise the
 * one OpenID Connect signed in, with the access token their identity provider issued.
 */
@RequestScoped
public class SignedIn {

    public static final String COOKIE = "console-token";

    private final Optional<Viewer> viewer;

    public SignedIn(ConsoleConfig config, HttpServerRequest request, SecurityIdentity identity, Clock clock) {
        String token;
        if (config.devSignIn().enabled()) {
            Cookie cookie = request.getCookie(COOKIE);
            token = cookie == null ? null : cookie.getValue();
        } else {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            token = credential == null ? null : credential.getToken();
        }
        this.viewer = Viewer.of(token, clock.instant());
    }

    public Optional<Viewer> viewer() {
        return viewer;
    }

    /** The viewer; only for pages the sign-in filter lets through, which have one. */
    public Viewer get() {
        return viewer.orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }
}

package work.remote.console.signin;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

import work.remote.console.config.ConsoleConfig;

/**
 * Refuses to start a console whose dev sign-in could reach beyond a developer's machine: it needs OpenID Connect off
 * and a token endpoint on this machine (the local stack's listens on 127.0.0.1 only).
 */
@ApplicationScoped
public class DevSignInGuard {

    private final ConsoleConfig config;
    private final boolean oidcEnabled;

    public DevSignInGuard(ConsoleConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidcEnabled) {
        this.config = config;
        this.oidcEnabled = oidcEnabled;
    }

    void check(@Observes StartupEvent start) {
        if (!config.devSignIn().enabled()) {
            return;
        }
        if (oidcEnabled) {
            throw new IllegalStateException("console.dev-sign-in.enabled needs quarkus.oidc.tenant-enabled=false: "
                    + "dev sign-in is for the local stack, where there is no OpenID Connect provider");
        }
        URI tokenUrl = config.devSignIn().tokenUrl().orElseThrow(() -> new IllegalStateException(
                "console.dev-sign-in.enabled needs console.dev-sign-in.token-url, e.g. http://localhost:8026/tokens"));
        if (!onThisMachine(tokenUrl)) {
            throw new IllegalStateException("console.dev-sign-in.token-url must be on this machine (localhost or "
                    + "127.0.0.1), not " + tokenUrl);
        }
    }

    static boolean onThisMachine(URI url) {
        try {
            return url.getHost() != null && InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

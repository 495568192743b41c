package work.remote.platform.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The person behind the current request, as the verified bearer token names them: the {@code sub} claim is their
 * id, the principal's name (its {@code upn} or {@code preferred_username}) their display name.
 */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    @Inject
    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        String name = identity.getPrincipal().getName();
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return new Caller(name, name, identity.getRoles());
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("the bearer token has no sub claim, which identifies its person");
        }
        return new Caller(subject, name == null ? subject : name, identity.getRoles());
    }
}

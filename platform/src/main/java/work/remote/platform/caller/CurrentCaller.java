package work.remote.platform.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** The person behind the current request, as the verified bearer token names them. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    @Inject
    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles());
    }
}

package work.remote.meeting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import work.remote.meeting.Caller;

/** The person behind the current request, as the bearer token names them. */
@ApplicationScoped
public class CurrentCaller {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    @Inject
    public CurrentCaller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Caller get() {
        return new Caller(token.getName(), identity.hasRole("admin"));
    }
}

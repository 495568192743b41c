package work.remote.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call of a generated client carries the signed-in viewer's own token, so that the services apply their rules
 * of who may do what to the person, not to the console.
 */
@ApplicationScoped
public class BearerHeaders implements ClientHeadersFactory {

    private final SignedIn signedIn;

    public BearerHeaders(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        signedIn.viewer().ifPresent(viewer -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + viewer.token()));
        return headers;
    }
}

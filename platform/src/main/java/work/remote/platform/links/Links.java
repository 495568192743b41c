package work.remote.platform.links;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links to this service's resources, from the public URL it is reached at
 * ({@code remote-work.public-url}): the links events carry and the {@code Location} of created resources.
 */
@ApplicationScoped
public class Links {

    private final String publicUrl;

    @Inject
    public Links(@ConfigProperty(name = "remote-work.public-url") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The link to the resource at {@code segments}, e.g. {@code to("tickets", id)} → {@code <public-url>/tickets/<id>}. */
    public String to(Object... segments) {
        StringBuilder link = new StringBuilder(publicUrl);
        for (Object segment : segments) {
            link.append('/').append(segment);
        }
        return link.toString();
    }

    public URI uri(Object... segments) {
        return URI.create(to(segments));
    }
}

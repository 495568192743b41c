package work.remote.events.process;

import java.util.Objects;

/**
 * A role of a published process.
 *
 * @param team the team the role belongs to (e.g. product, customer support); {@code null} when not set
 */
public record Role(String name, String team) {

    public Role {
        Objects.requireNonNull(name, "name");
    }
}

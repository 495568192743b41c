package work.remote.events.process;

import java.util.Objects;

/** A participant of a rollout and the process role they take on. */
public record Assignee(String person, String role) {

    public Assignee {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
    }
}

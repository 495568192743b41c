package work.remote.events.meeting;

import java.util.Objects;

/**
 * A person invited to a meeting, with the function group sessions are split by and the supervisor who
 * relays the content when they are absent.
 *
 * @param supervisor {@code null} when the person reports to nobody
 */
public record Invitee(String person, String functionGroup, String supervisor) {

    public Invitee {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(functionGroup, "functionGroup");
    }
}

package work.remote.events.process;

import java.util.Objects;

/**
 * A person involved in a process under review: meeting-service groups them into discussion sessions by
 * {@code functionGroup} (e.g. R&D, CS, ops) and asks their {@code supervisor} to relay the content when
 * they miss it.
 *
 * @param supervisor the person who relays for them; {@code null} when they report to nobody
 */
public record Participant(String person, String functionGroup, String supervisor) {

    public Participant {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(functionGroup, "functionGroup");
    }
}

package work.remote.ticket;

import work.remote.platform.caller.Caller;

/**
 * Who did something a row records: a person's stable {@code id} (the token's {@code sub}) with the display
 * {@code name} we last learned for it, null when not known, or a service by its name (with no display name).
 */
public record Actor(String id, String name) {

    /** The caller, with the name their token carries now. */
    public static Actor of(Caller caller) {
        return new Actor(caller.id(), caller.name());
    }

    /** A person named by id only, e.g. in another service's event: their display name is not known here. */
    public static Actor person(String id) {
        return new Actor(id, null);
    }

    /** A service acting on its own, e.g. {@code sla-clock} or {@code meeting-service}. */
    public static Actor service(String service) {
        return new Actor(service, null);
    }
}

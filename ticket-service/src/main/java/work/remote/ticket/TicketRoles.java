package work.remote.ticket;

import java.util.Set;

/**
 * Who may do what to tickets when the request does not come with a token (Slack): the same roles as the
 * {@code @RolesAllowed} of {@code TicketResource}'s report and transition endpoints.
 */
public final class TicketRoles {

    /** May report a ticket. */
    public static final Set<String> REPORT = Set.of("cs-agent", "cs-lead", "product", "admin");

    /** May move a ticket along its workflow, acknowledge or resolve it. */
    public static final Set<String> MOVE = Set.of("cs-agent", "cs-lead", "product", "admin");

    private TicketRoles() {
    }
}

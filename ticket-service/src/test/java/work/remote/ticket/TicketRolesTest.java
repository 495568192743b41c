package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;

import work.remote.ticket.rest.TicketResource;

/** Slack requests carry no token: the roles checked for them are the ones the REST endpoints allow. */
class TicketRolesTest {

    @Test
    void slackChecksTheRolesOfTheRestEndpoints() {
        assertThat(TicketRoles.REPORT).isEqualTo(rolesOf("report"));
        assertThat(TicketRoles.MOVE).isEqualTo(rolesOf("transition")).isEqualTo(rolesOf("acknowledge"));
    }

    private static Set<String> rolesOf(String method) {
        return Arrays.stream(TicketResource.class.getMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .map(candidate -> candidate.getAnnotation(RolesAllowed.class))
                .flatMap(roles -> Arrays.stream(roles.value()))
                .collect(Collectors.toSet());
    }
}

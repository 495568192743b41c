package work.remote.ticket;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** ticket-service as the local stack runs it: seeding the DESIGN.md launch case at startup. */
public class SeededExampleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ticket.seed-example", "true");
    }
}

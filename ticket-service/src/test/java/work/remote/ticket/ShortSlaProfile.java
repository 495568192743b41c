package work.remote.ticket;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A critical ticket's clock in seconds instead of hours: at risk after 3 s, breached after 6 s. */
public class ShortSlaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ticket.sla.critical-resolve-within", "PT6S",
                "ticket.sla.at-risk-after", "PT3S",
                "ticket.sla.check-interval", "1s");
    }
}

package work.remote.process;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Starts the service as the local stack does: with the feature-launch example seeded. */
public class SeedExampleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("process.seed-example", "true");
    }
}

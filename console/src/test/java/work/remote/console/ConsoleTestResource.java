package work.remote.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import work.remote.devinfra.DevInfra;
import work.remote.devinfra.DevTokenEndpoint;

/**
 * What the console talks to, for real over the network: the shared Kafka broker, the dev token endpoint of dev-infra,
 * and a stand-in for each service ({@link TicketServiceStandIn} and the others; their URLs as
 * {@code console-test.<service>}).
 */
public class ConsoleTestResource implements QuarkusTestResourceLifecycleManager {

    /** How to stop what started, in the order it started. */
    private final List<Runnable> stops = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        DevInfra infra = DevInfra.shared();
        DevTokenEndpoint tokens = DevTokenEndpoint.start(0, infra.tokens());
        stops.add(tokens::close);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("console.dev-sign-in.token-url", tokens.tokensUrl());
        standIn(config, "ticket", TicketServiceStandIn.start());
        standIn(config, "process", ProcessServiceStandIn.start());
        standIn(config, "meeting", MeetingServiceStandIn.start());
        standIn(config, "notification", NotificationServiceStandIn.start());
        return config;
    }

    private void standIn(Map<String, String> config, String service, ServiceStandIn standIn) {
        stops.add(standIn::close);
        config.put("quarkus.rest-client." + service + ".url", standIn.url());
        config.put("console-test." + service + "-service", standIn.url());
    }

    @Override
    public void stop() {
        stops.forEach(Runnable::run);
    }
}

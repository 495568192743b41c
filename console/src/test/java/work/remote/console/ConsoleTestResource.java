package work.remote.console;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import work.remote.devinfra.DevInfra;
import work.remote.devinfra.DevTokenEndpoint;

/**
 * What the console talks to, for real over the network: the shared Kafka broker, the dev token endpoint of dev-infra,
 * and a {@link TicketServiceStandIn} (its URL as {@code console-test.ticket-service}).
 */
public class ConsoleTestResource implements QuarkusTestResourceLifecycleManager {

    private TicketServiceStandIn ticketService;
    private DevTokenEndpoint tokens;

    @Override
    public Map<String, String> start() {
        DevInfra infra = DevInfra.shared();
        ticketService = TicketServiceStandIn.start();
        tokens = DevTokenEndpoint.start(0, infra.tokens());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("console.dev-sign-in.token-url", tokens.tokensUrl());
        config.put("quarkus.rest-client.ticket.url", ticketService.url());
        config.put("console-test.ticket-service", ticketService.url());
        return config;
    }

    @Override
    public void stop() {
        if (ticketService != null) {
            ticketService.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }
}

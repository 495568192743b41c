package work.remote.ticket;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(TicketTestResource.class)
class TicketServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "ticket-service";
    }
}

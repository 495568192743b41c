package work.remote.process;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ProcessServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "process-service";
    }
}

package work.remote.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class NotificationServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "notification-service";
    }
}

package work.remote.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.ServiceEndpointsContract;
import work.remote.platform.testing.SuccessResponses;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class NotificationServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "notification-service";
    }

    /** A client generated from this document gets the status, media type and type of every operation's success. */
    @Test
    void everyOperationDocumentsItsSuccess() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(SuccessResponses.undocumented(document)).isEmpty();
    }
}

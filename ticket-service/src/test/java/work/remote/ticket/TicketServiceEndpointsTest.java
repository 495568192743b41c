package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.ServiceEndpointsContract;
import work.remote.platform.testing.SuccessResponses;

@QuarkusTest
@WithTestResource(TicketTestResource.class)
class TicketServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "ticket-service";
    }

    /** A client generated from this document gets the status, media type and type of every operation's success. */
    @Test
    void everyOperationDocumentsItsSuccess() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        // a slash command is answered with an empty 200, as Slack asks; the modal or the reply follows
        assertThat(SuccessResponses.undocumented(document, "POST /slack/commands")).isEmpty();
    }
}

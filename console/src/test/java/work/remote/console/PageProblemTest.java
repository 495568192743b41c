package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.problem.ServiceProblem;
import work.remote.console.signin.SignedIn;

/** A page that cannot be read answers with what stopped it, in words, never with 200 and never with the document. */
@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class PageProblemTest {

    @Test
    void aTicketTheServiceDoesNotHaveAnswers404InWords() {
        String token = SignInTest.signIn("ali", "cs-agent");
        given().cookie(SignedIn.COOKIE, token).when().get("/tickets/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Ticket-service refused: Not Found."))
                .body(not(containsString("\"status\"")));
    }

    @Test
    void aServiceThatCannotBeReachedMakesThePageAnswer503WithRetryAfter() {
        ServiceProblem unreachable = catchThrowableOfType(ServiceProblem.class, () -> ServiceProblem.call(
                "process-service", () -> {
                    throw new ProcessingException("Connection refused");
                }));

        Response page = unreachable.page("the page");

        assertThat(unreachable.problem().message())
                .isEqualTo("Process-service cannot be reached; try again in a moment.");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeaderString("Retry-After")).isEqualTo("5");
    }
}

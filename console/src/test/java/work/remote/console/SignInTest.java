package work.remote.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import work.remote.console.signin.SignedIn;
import work.remote.console.signin.Viewer;

@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class SignInTest {

    /** Signs in through the console's own form and answers the cookie's token. */
    static String signIn(String person, String... roles) {
        var request = given().redirects().follow(false).formParam("person", person);
        for (String role : roles) {
            request = request.formParam("roles", role);
        }
        Response response = request.when().post("/sign-in");
        response.then().statusCode(303).header("Location", containsString("/"));
        return response.getCookie(SignedIn.COOKIE);
    }

    @Test
    void pagesSendWhoeverIsNotSignedInToTheSignIn() {
        given().redirects().follow(false).when().get("/launches").then()
                .statusCode(303).header("Location", containsString("/sign-in"));
        given().redirects().follow(false).header("HX-Request", "true").when().get("/launches").then()
                .statusCode(401).header("HX-Redirect", "/sign-in");
    }

    @Test
    void devSignInKeepsTheTokenOfTheChosenPersonAndRolesInAnHttpOnlyCookie() {
        Response response = given().redirects().follow(false).formParam("person", "paula")
                .formParam("roles", "product").formParam("roles", "admin").when().post("/sign-in");
        response.then().statusCode(303);
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(SignedIn.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/");
        Viewer viewer = Viewer.of(response.getCookie(SignedIn.COOKIE), Instant.now()).orElseThrow();
        assertThat(viewer.person()).isEqualTo("paula");
        assertThat(viewer.roles()).containsExactlyInAnyOrder("product", "admin");

        given().cookie(SignedIn.COOKIE, response.getCookie(SignedIn.COOKIE)).when().get("/launches").then()
                .statusCode(200).body(containsString("Signed in as <strong>Paula</strong>"));
    }

    @Test
    void theTokenEndpointsRefusalIsShownNextToTheFieldInWords() {
        given().formParam("person", "").when().post("/sign-in").then()
                .statusCode(400)
                .body(containsString("id=\"person-problem\""))
                .body(containsString("is required"))
                .body(containsString("id=\"roles-problem\""))
                .body(not(containsString("\"violations\"")));
    }

    @Test
    void signingOutClearsTheCookie() {
        String token = signIn("lena", "cs-lead");
        Response response = given().redirects().follow(false).cookie(SignedIn.COOKIE, token).when()
                .post("/sign-out");
        response.then().statusCode(303).header("Location", containsString("/sign-in"));
        assertThat(response.getHeader("Set-Cookie")).contains("Max-Age=0");
    }
}

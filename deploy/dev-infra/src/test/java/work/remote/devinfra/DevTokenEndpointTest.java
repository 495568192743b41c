package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DevTokenEndpointTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final DevTokens TOKENS = DevTokens.generate();
    static DevTokenEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = DevTokenEndpoint.start(0, TOKENS);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void mintsATokenForThePersonAndRolesAskedFor() throws Exception {
        HttpResponse<String> minted = get("?person=lena&roles=cs-lead");

        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(minted.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        JwtClaims claims = verify(minted.body().strip());
        assertThat(claims.getSubject()).isEqualTo("lena");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("Lena");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("cs-lead");
    }

    @Test
    void takesADisplayNameBesideThePersonId() throws Exception {
        JwtClaims claims = verify(get("?person=u-7&name=Lena%20Schmidt&roles=cs-lead").body().strip());

        assertThat(claims.getSubject()).isEqualTo("u-7");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("Lena Schmidt");
        assertInvalid(get("?person=lena&name=&roles=cs-lead"), "name", "display name");
    }

    @Test
    void takesSeveralRolesCommaSeparatedOrRepeated() throws Exception {
        assertThat(verify(get("?person=paula&roles=product,admin").body().strip()).getStringListClaimValue("groups"))
                .containsExactlyInAnyOrder("product", "admin");
        assertThat(verify(get("?roles=cs-agent&person=ali&roles=cs-lead").body().strip())
                .getStringListClaimValue("groups")).containsExactlyInAnyOrder("cs-agent", "cs-lead");
    }

    @Test
    void aMissingPersonIsA400NamingIt() throws Exception {
        assertInvalid(get("?roles=cs-lead"), "person", "is required");
        assertInvalid(get("?person=&roles=cs-lead"), "person", "is required");
    }

    @Test
    void anInvalidPersonIsA400NamingIt() throws Exception {
        assertInvalid(get("?person=lena%20smith&roles=cs-lead"), "person", "letters, digits");
        assertInvalid(get("?person=" + "a".repeat(201) + "&roles=cs-lead"), "person", "1 to 200");
        assertInvalid(get("?person=lena&person=ali&roles=cs-lead"), "person", "one person");
    }

    @Test
    void anUnknownOrMissingRoleIsA400NamingRoles() throws Exception {
        assertInvalid(get("?person=lena&roles=cs-lead,boss"), "roles", "[boss]");
        assertInvalid(get("?person=lena"), "roles", "product, cs-lead, cs-agent, ops, admin");
        assertInvalid(get("?person=lena&roles=,"), "roles", "is required");
    }

    @Test
    void namesEveryInvalidParameterAtOnce() throws Exception {
        HttpResponse<String> refused = get("");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("violations").findValuesAsText("field"))
                .containsExactly("person", "roles");
    }

    @Test
    void onlyAnswersGetOnTokens() throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint.tokensUrl()
                + "?person=lena&roles=cs-lead")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(posted.headers().firstValue("Allow")).hasValue("GET");

        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/token")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws Exception {
        Optional<InetAddress> outward = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(DevTokenEndpointTest::isUp)
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(outward.isPresent(), "this machine has no network address but the loopback one");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outward.get(), endpoint.port()), 2_000);
            }
        }).isInstanceOf(IOException.class);
    }

    private static void assertInvalid(HttpResponse<String> response, String field, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://remote.work/problems/invalid-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("violations")).hasSize(1);
        assertThat(problem.path("violations").get(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("violations").get(0).path("message").asText()).contains(message);
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint.tokensUrl() + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JwtClaims verify(String token) throws Exception {
        return new JwtConsumerBuilder().setVerificationKey(TOKENS.publicKey()).setExpectedIssuer(DevTokens.ISSUER)
                .setRequireExpirationTime().build().processToClaims(token);
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}

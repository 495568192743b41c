package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jars run in the prod profile, as in production: no development password or key to fall back on, and no
 * Swagger UI. The local stack passes its secrets explicitly.
 */
class ProdProfileTest {

    private static final Path ROOT = Path.of("../..");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theProdProfileStartsWithoutDefaults(@TempDir Path home) throws Exception {
        StackPorts ports = LocalStackTest.freePorts();
        Path publicKey = Files.writeString(home.resolve("publicKey.pem"), "never read: the start stops before\n");
        for (StackService service : ports.services()) {
            Path log = home.resolve(service.name() + "-without-password.log");
            Process process = startWithoutDatasourcePassword(service, publicKey, log);

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stops at once", service.name()).isTrue();
            assertThat(process.exitValue()).as("%s exit code", service.name()).isNotZero();
            assertThat(Files.readString(log))
                    .contains("Could not expand value QUARKUS_DATASOURCE_PASSWORD in property quarkus.datasource.password")
                    .contains("Could not expand value MP_JWT_VERIFY_ISSUER in property mp.jwt.verify.issuer")
                    .doesNotContain("JWT_PUBLIC_KEY_LOCATION");
        }

        LocalStack stack = new LocalStack(ROOT, home.resolve("stack"), Map.of(), ports);
        try {
            stack.start();
            for (StackService service : ports.services()) {
                assertThat(get(service.url() + "/q/swagger-ui").statusCode()).as(service.name()).isEqualTo(404);
                HttpResponse<String> openApi = get(service.url() + "/q/openapi");
                assertThat(openApi.statusCode()).as(service.name()).isEqualTo(200);
                assertThat(openApi.body()).contains("remote-work " + service.name());
            }
        } finally {
            stack.stop();
        }
    }

    private static Process startWithoutDatasourcePassword(StackService service, Path publicKey, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + service.port(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey,
                "-jar", ROOT.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar").toString()))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_") || name.startsWith("MP_JWT_"));
        return builder.start();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

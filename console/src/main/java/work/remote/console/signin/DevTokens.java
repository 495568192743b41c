package work.remote.console.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import work.remote.console.config.ConsoleConfig;
import work.remote.console.problem.Problem;

/** Asks the local stack's dev token endpoint for a token for any person and roles. */
@ApplicationScoped
public class DevTokens {

    /** A token, or the endpoint's problem in words. */
    public record Answer(String token, Problem problem) {
    }

    private final ConsoleConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DevTokens(ConsoleConfig config) {
        this.config = config;
    }

    public Answer token(String person, Collection<String> roles) {
        URI endpoint = config.devSignIn().tokenUrl()
                .orElseThrow(() -> new IllegalStateException("console.dev-sign-in.token-url is not set"));
        URI uri = URI.create(endpoint + "?person=" + encode(person) + "&roles=" + encode(String.join(",", roles)));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new Answer(response.body().strip(), null);
            }
            return new Answer(null, Problem.of("the dev token endpoint", response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body()));
        } catch (IOException e) {
            return new Answer(null, Problem.unreachable("the dev token endpoint at " + endpoint));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, Problem.unreachable("the dev token endpoint at " + endpoint));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

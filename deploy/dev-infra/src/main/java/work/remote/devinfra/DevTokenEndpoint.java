package work.remote.devinfra;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * Mints a bearer token for any person and roles over HTTP on 127.0.0.1, so that a developer can act as anyone
 * against a running stack: {@code GET /tokens?person=lena&roles=cs-lead} answers the token as {@code text/plain}
 * ({@code roles} comma-separated or repeated). A missing or invalid person or role is a 400
 * {@code application/problem+json} whose {@code violations} name the parameter.
 */
public final class DevTokenEndpoint implements AutoCloseable {

    static final String PROBLEM_TYPE = "https://remote.work/problems/invalid-request";
    private static final Pattern PERSON = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,199}");

    private final HttpEndpoint endpoint;
    private final DevTokens tokens;

    private DevTokenEndpoint(HttpEndpoint endpoint, DevTokens tokens) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        endpoint.route("/tokens", this::mint);
        endpoint.route("/", HttpEndpoint::notFound);
    }

    /** @param port 0 for a free port */
    public static DevTokenEndpoint start(int port, DevTokens tokens) {
        return new DevTokenEndpoint(HttpEndpoint.start(port, "dev-token-endpoint"), tokens);
    }

    public int port() {
        return endpoint.port();
    }

    /** {@code http://localhost:<port>/tokens}, where a developer asks for a token. */
    public String tokensUrl() {
        return "http://localhost:" + port() + "/tokens";
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private void mint(HttpExchange exchange) throws IOException {
        if (!"/tokens".equals(exchange.getRequestURI().getPath())) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpEndpoint.methodNotAllowed(exchange, "GET");
            return;
        }
        Map<String, List<String>> query;
        try {
            query = parameters(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            invalid(exchange, List.of(violation("query", "is not URL-encoded: " + e.getMessage())));
            return;
        }
        List<Map<String, String>> violations = new ArrayList<>();
        String person = personOf(query.getOrDefault("person", List.of()), violations);
        String name = nameOf(query.getOrDefault("name", List.of()), violations);
        Set<String> roles = rolesOf(query.getOrDefault("roles", List.of()), violations);
        if (!violations.isEmpty()) {
            invalid(exchange, violations);
            return;
        }
        HttpEndpoint.respond(exchange, 200, "text/plain; charset=utf-8", Map.of("Cache-Control", "no-store"),
                tokens.token(person, name == null ? DevTokens.displayName(person) : name, roles) + "\n");
    }

    /** The optional display name: absent means one made from the person id. */
    private static String nameOf(List<String> values, List<Map<String, String>> violations) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || values.get(0).isBlank() || values.get(0).length() > 200) {
            violations.add(violation("name", "is the person's display name, given once, 1 to 200 characters"));
            return null;
        }
        return values.get(0).strip();
    }

    private static String personOf(List<String> values, List<Map<String, String>> violations) {
        if (values.isEmpty() || values.get(0).isBlank()) {
            violations.add(violation("person", "is required: the stable id (sub) the services see as the caller, e.g. lena"));
            return null;
        }
        if (values.size() > 1) {
            violations.add(violation("person", "is given " + values.size() + " times; a token is for one person"));
            return null;
        }
        if (!PERSON.matcher(values.get(0)).matches()) {
            violations.add(violation("person", "must be 1 to 200 letters, digits, '.', '_', '-' or '@', "
                    + "starting with a letter or digit"));
            return null;
        }
        return values.get(0);
    }

    private static Set<String> rolesOf(List<String> values, List<Map<String, String>> violations) {
        Set<String> roles = new LinkedHashSet<>();
        for (String value : values) {
            for (String role : value.split(",", -1)) {
                roles.add(role.strip());
            }
        }
        roles.remove("");
        if (roles.isEmpty()) {
            violations.add(violation("roles", "is required: one or more of " + String.join(", ", DevTokens.ROLES)
                    + ", comma-separated"));
            return roles;
        }
        List<String> unknown = roles.stream().filter(role -> !DevTokens.ROLES.contains(role)).toList();
        if (!unknown.isEmpty()) {
            violations.add(violation("roles", "unknown role(s) " + unknown + "; the roles are "
                    + String.join(", ", DevTokens.ROLES)));
        }
        return roles;
    }

    private static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static Map<String, String> violation(String field, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }

    private static void invalid(HttpExchange exchange, List<Map<String, String>> violations) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", "The request is invalid");
        problem.put("status", 400);
        problem.put("detail", violations.size() + " parameter(s) are invalid; ask e.g. /tokens?person=lena&roles=cs-lead");
        problem.put("violations", violations);
        HttpEndpoint.respond(exchange, 400, "application/problem+json", Map.of(),
                HttpEndpoint.JSON.writeValueAsString(problem));
    }
}

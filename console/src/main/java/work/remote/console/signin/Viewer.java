package work.remote.console.signin;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who looks at the console, as their access token says: the console reads the claims only to greet them and to
 * offer the actions their roles allow. It never trusts them: the services verify the token on every call.
 */
public record Viewer(String person, String name, Set<String> roles, Instant expiresAt, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Whether the viewer has at least one of {@code anyOf}, as a service's {@code @RolesAllowed} asks. */
    public boolean mayAct(String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public String rolesInWords() {
        return String.join(", ", roles);
    }

    /** The viewer a JWT names, or none when it is no JWT, has no subject or has expired at {@code now}. */
    public static Optional<Viewer> of(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String person = claims.path("sub").asText("");
        Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        if (person.isBlank() || !expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        String name = claims.path("preferred_username").asText(claims.path("upn").asText(person));
        Set<String> roles = new LinkedHashSet<>();
        claims.path("groups").forEach(role -> roles.add(role.asText()));
        return Optional.of(new Viewer(person, name, Set.copyOf(roles), expiresAt, token.strip()));
    }
}

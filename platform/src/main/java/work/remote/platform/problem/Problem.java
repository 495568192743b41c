package work.remote.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, with one entry per invalid field in {@code violations}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; violations name each invalid field")
public record Problem(URI type, String title, int status, String detail, URI instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://remote.work/problems/";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One invalid input: the JSON path of the field (e.g. {@code impact}, {@code steps[2].role}) and what is wrong. */
    public record Violation(String field, String message) {
    }
}

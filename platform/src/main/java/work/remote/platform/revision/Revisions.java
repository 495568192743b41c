package work.remote.platform.revision;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * The one concurrency convention of every editable resource: a read or change answers the resource's version as its
 * {@code ETag}, and a change names the version it was made on in {@code If-Match} ({@code "3"}, {@code W/"3"} or
 * {@code 3}). {@link Revision#require} refuses a stale one with 409 {@code stale-revision}.
 */
public final class Revisions {

    public static final String IF_MATCH = "If-Match";

    private Revisions() {
    }

    /** {@code 200 OK} with {@code view} and {@code version} as its entity tag. */
    public static Response ok(Object view, long version) {
        return tagged(Response.ok(view), version);
    }

    public static Response tagged(Response.ResponseBuilder response, long version) {
        return response.tag(tag(version)).build();
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header names; null when the caller sent none. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "'" + ifMatch + "' is not a version of this resource");
        }
    }

    /** The version an {@code If-Match} header names; 428 naming the header when the caller sent none. */
    public static long required(String ifMatch, String readFrom) {
        Long expected = expected(ifMatch);
        if (expected == null) {
            throw new ProblemException(428, "if-match-required", "If-Match required",
                    "Send the revision you edited (the ETag of " + readFrom + ") in If-Match",
                    List.of(new Problem.Violation(IF_MATCH, "must name the revision you edited, e.g. \"3\"")));
        }
        return expected;
    }
}

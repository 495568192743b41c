package work.remote.meeting.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import work.remote.platform.problem.ProblemException;

/**
 * A resource's version as its HTTP entity tag, and the {@code If-Match} header that names it on changes: every
 * read and change of a meeting, review, relay, parking-lot item or action item answers its version as {@code ETag};
 * a change that sends {@code If-Match} is refused with 409 {@code stale-revision} unless it names the current one.
 * process-service's {@code Revisions} does the same for a process.
 */
final class Revisions {

    static final String IF_MATCH = "If-Match";

    private Revisions() {
    }

    /** {@code 200 OK} with {@code view} and {@code version} as its entity tag. */
    static Response ok(Object view, long version) {
        return tagged(Response.ok(view), version);
    }

    static Response tagged(Response.ResponseBuilder response, long version) {
        return response.tag(new EntityTag(Long.toString(version))).build();
    }

    /** The version an {@code If-Match} header names ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent. */
    static Long expected(String ifMatch) {
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
}

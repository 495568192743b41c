package work.remote.ticket.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import work.remote.platform.problem.ProblemException;

/**
 * An aggregate's revision (its {@code @Version}) as an HTTP entity tag, and the {@code If-Match} header that names
 * the revision a change was made to. The same convention as process-service's {@code Revisions}.
 */
final class Revisions {

    static final String IF_MATCH = "If-Match";

    private Revisions() {
    }

    static Response.ResponseBuilder tagged(Response.ResponseBuilder response, long revision) {
        return response.tag(new EntityTag(Long.toString(revision)));
    }

    /** The revision an {@code If-Match} header names, or null when it names none. */
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
            throw ProblemException.invalid(IF_MATCH, "'" + ifMatch + "' is not a revision, e.g. \"3\"");
        }
    }
}

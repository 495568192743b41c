package work.remote.process.rest;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * The revision (row version) of an editable resource, a process or a rehearsal, as an HTTP entity tag, and the
 * {@code If-Match} header that names it on edits: required to edit a draft, checked on other changes when sent.
 */
final class Revisions {

    static final String IF_MATCH = "If-Match";

    private Revisions() {
    }

    static Response.ResponseBuilder tagged(Response.ResponseBuilder response, long revision) {
        return response.tag(new EntityTag(Long.toString(revision)));
    }

    /** The revision an {@code If-Match} header names; required when {@code required}, else null when absent. */
    static Long expected(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(428, "if-match-required", "If-Match required",
                        "Send the revision you edited (the ETag of GET /processes/{id}) in If-Match", List.of(
                                new Problem.Violation(IF_MATCH, "must name the revision you edited, e.g. \"3\"")));
            }
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
            throw ProblemException.invalid(IF_MATCH, "'" + ifMatch + "' is not a revision (an ETag) of this resource");
        }
    }
}

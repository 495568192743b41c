package work.remote.platform.problem;

import java.util.List;

/**
 * A domain rule refused the request. Services throw it (or a subclass) and {@link ProblemMapper} answers with the
 * matching problem document.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String typeSlug, String title, String detail,
            List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    /** The caller is known and has a role that may call the endpoint, but a rule about who they are refuses it. */
    public static ProblemException forbidden(String typeSlug, String title, String detail) {
        return new ProblemException(403, typeSlug, title, detail, List.of());
    }

    public static ProblemException conflict(String typeSlug, String title, String detail) {
        return new ProblemException(409, typeSlug, title, detail, List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(400, "invalid-request", "The request is invalid",
                violations.size() + " field(s) are invalid", violations);
    }

    public Problem toProblem(java.net.URI instance) {
        return new Problem(Problem.type(typeSlug), title, status, getMessage(), instance, violations);
    }
}

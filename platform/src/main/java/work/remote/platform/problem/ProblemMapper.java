package work.remote.platform.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.ForbiddenException;

/** The one place where failures become RFC 9457 problem documents, for every service. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** How long a client should wait before repeating a request the database was unavailable for. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response domainRule(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(instance(uri)));
    }

    @ServerExceptionMapper
    public Response invalidBody(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .collect(Collectors.toList());
        return respond(ProblemException.invalid(violations).toProblem(instance(uri)));
    }

    /** Takes precedence over Quarkus' own mapper for this exception, which answers without a problem document. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Problem.Violation violation;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            violation = new Problem.Violation(jsonPath(mapping.getPath()), describe(mapping));
        } else {
            violation = new Problem.Violation("$", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        return respond(ProblemException.invalid(List.of(violation)).toProblem(instance(uri)));
    }

    /** Two requests changed the same row at once and the database saw the later one's stale version. */
    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return concurrentUpdate(uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(StaleStateException e, UriInfo uri) {
        return concurrentUpdate(uri);
    }

    private static Response concurrentUpdate(UriInfo uri) {
        return respond(ProblemException.conflict("concurrent-update", "Changed concurrently",
                "Someone else changed it at the same time; read it again and repeat your change")
                .toProblem(instance(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your token does not carry a role allowed to do this", instance(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Problem problem = new Problem(Problem.type("http-" + status), title, status, e.getMessage(), instance(uri),
                List.of());
        return Response.fromResponse(respond(problem))
                .header(HttpHeaders.RETRY_AFTER, e.getResponse().getHeaderString(HttpHeaders.RETRY_AFTER)).build();
    }

    /** A commit that failed: its flush broke a constraint, or the transaction manager rolled it back (a timeout). */
    @ServerExceptionMapper
    public Response commitFailed(RollbackException e, UriInfo uri) {
        return failed(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return failed(e, uri);
    }

    /**
     * A failure no rule anticipated: a unique constraint that a concurrent request won (409), a database that cannot
     * be reached or does not answer in time (503, try again), or a bug (500, logged).
     */
    private static Response failed(Exception e, UriInfo uri) {
        Optional<String> constraint = DatabaseFailure.duplicate(e);
        if (constraint.isPresent()) {
            return respond(ProblemException.conflict("duplicate", "Already exists", constraint.get().isEmpty()
                    ? "It duplicates something that already exists, perhaps created at the same moment"
                    : "It duplicates something that already exists, perhaps created at the same moment (unique "
                            + "constraint " + constraint.get() + ")")
                    .toProblem(instance(uri)));
        }
        if (DatabaseFailure.unavailable(e)) {
            LOG.warnf("Database unavailable, answering 503: %s", e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(new Problem(Problem.type("database-unavailable"), "Temporarily unavailable", 503,
                            "The database did not answer in time; try again in " + RETRY_AFTER_SECONDS
                                    + " seconds",
                            instance(uri), List.of()))
                    .build();
        }
        LOG.error("Unexpected failure", e);
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "The request could not be completed; it has been logged", instance(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getPath());
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException format) {
            Object[] allowed = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? format.getTargetType().getEnumConstants()
                    : null;
            return allowed == null
                    ? "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName()
                    : "'" + format.getValue() + "' is not one of " + java.util.Arrays.toString(allowed);
        }
        return e.getOriginalMessage();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * The field a violation concerns: its path inside the request body ({@code steps[2].role}), or the name of the
     * parameter when the parameter itself is invalid (a missing body, a query parameter).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        List<String> properties = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable() && !properties.isEmpty()) {
                    int last = properties.size() - 1;
                    Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                    properties.set(last, properties.get(last) + "[" + position + "]");
                }
                // a container element (the element itself, e.g. steps[0]) has a pseudo-name such as <list element>
                if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                    properties.add(node.getName());
                }
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }
}

package work.remote.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the problems every operation can answer, once for all services instead of on each method: 400 where it
 * takes parameters or a body, 401 and 403 where it needs a role, 503 with {@code Retry-After} when the database is
 * unreachable; and gives every error response the {@code application/problem+json} body {@link ProblemMapper}
 * writes. A success documented without content on a method returning a bare {@code Response} answers no body: the
 * empty schema SmallRye still gives it, which a generated client would take for an untyped object, goes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                document(operation, needsToken(operation, openAPI));
            }
        }
    }

    private static boolean needsToken(Operation operation, OpenAPI openAPI) {
        return operation.getSecurity() != null ? !operation.getSecurity().isEmpty()
                : openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
    }

    private static void document(Operation operation, boolean needsToken) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            addIfMissing(responses, "400", "Invalid input; the violations name each field");
        }
        if (needsToken) {
            addIfMissing(responses, "401", "No valid bearer token");
            addIfMissing(responses, "403", "The token's roles may not do this");
        }
        addIfMissing(responses, "503", "The database or the broker cannot be reached; try again");
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)) {
            unavailable.addHeader(HttpHeaders.RETRY_AFTER, OASFactory.createHeader()
                    .description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                dropEmptySchemas(response);
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    private static void dropEmptySchemas(APIResponse success) {
        Content content = success.getContent();
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        List.copyOf(content.getMediaTypes().entrySet()).stream()
                .filter(media -> media.getValue().getSchema() == null || media.getValue().getSchema().getAll().isEmpty())
                .forEach(media -> content.removeMediaType(media.getKey()));
        if (content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            success.setContent(null);
        }
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, problem(description));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}

package work.remote.ticket.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.app_backend.util.JsonPayloadTypeDetector;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;

import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.ticket.config.TicketConfig;
import work.remote.ticket.slack.SlackInteractions;
import work.remote.ticket.slack.SlackSignatureCheck;
import work.remote.ticket.slack.SlackWebApi;

/**
 * Where Slack sends the app's slash commands and interactions, form-encoded. No bearer token: each request must carry
 * Slack's signature of its raw body, checked before anything in it is read. Slack wants an answer within 3 seconds,
 * so these answer at once and do the slow part (the Web API, replies to {@code response_url}) after, on the managed
 * executor; only a modal submission is answered in the response, as Slack requires.
 */
@Path("/slack")
@PermitAll
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Slack")
@APIResponse(responseCode = "401", description = "Not signed by Slack with the signing secret, or older than 5 minutes",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "The Slack app is not enabled (ticket.slack.enabled)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SlackResource {

    /** How long Slack waits for an answer, and lets a trigger id open a modal. */
    static final Duration SLACK_ANSWER_BUDGET = Duration.ofSeconds(3);

    private final TicketConfig.Slack config;
    private final SlackSignatureCheck signatures;
    private final SlackInteractions interactions;
    private final ManagedExecutor executor;
    private final Clock clock;

    @Inject
    public SlackResource(TicketConfig config, SlackSignatureCheck signatures, SlackInteractions interactions,
            ManagedExecutor executor, Clock clock) {
        this.config = config.slack();
        this.signatures = signatures;
        this.interactions = interactions;
        this.executor = executor;
        this.clock = clock;
    }

    @POST
    @Path("/commands")
    @Operation(summary = "Slack slash commands: /report [title] opens the report modal")
    @APIResponse(responseCode = "200", description = "Received; the modal opens, or an ephemeral reply follows")
    public Response command(@HeaderParam(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
            @HeaderParam(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature, byte[] body) {
        Instant deadline = verified(timestamp, signature, body);
        var command = new SlashCommandPayloadParser().parse(new String(body, StandardCharsets.UTF_8));
        executor.execute(() -> interactions.command(command, deadline));
        return Response.ok().build();
    }

    @POST
    @Path("/interactions")
    @Operation(summary = "Slack interactivity: the report modal's submission, the message shortcut report_message, "
            + "the buttons ticket.acknowledge and ticket.resolve (value: the ticket id)")
    @APIResponse(responseCode = "200", description = "Received; a modal submission is answered with "
            + "response_action errors (under each invalid field's block) or update (the ticket filed), anything "
            + "else with no body", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    type = SchemaType.OBJECT, properties = {
                        @SchemaProperty(name = "response_action", type = SchemaType.STRING,
                                enumeration = { "errors", "update" }),
                        @SchemaProperty(name = "errors", type = SchemaType.OBJECT, additionalProperties = String.class,
                                description = "With errors: the message under each block of the modal"),
                        @SchemaProperty(name = "view", type = SchemaType.OBJECT,
                                description = "With update: the modal, in Slack's view format, saying what was filed")
                    })))
    public Response interaction(@HeaderParam(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP) String timestamp,
            @HeaderParam(SlackSignature.HeaderNames.X_SLACK_SIGNATURE) String signature, byte[] body) {
        Instant deadline = verified(timestamp, signature, body);
        String payload = new JsonPayloadExtractor().extractIfExists(new String(body, StandardCharsets.UTF_8));
        if (payload == null) {
            throw ProblemException.invalid("payload", "an interaction is a form with a payload field");
        }
        String type = new JsonPayloadTypeDetector().detectType(payload);
        switch (type == null ? "" : type) {
            case "view_submission" -> {
                Map<String, Object> answer = interactions.submission(
                        SlackWebApi.JSON.fromJson(payload, ViewSubmissionPayload.class), deadline);
                return answer.isEmpty() ? Response.ok().build() : Response.ok(SlackWebApi.JSON.toJson(answer)).build();
            }
            case "block_actions" -> {
                var actions = SlackWebApi.JSON.fromJson(payload, BlockActionPayload.class);
                executor.execute(() -> interactions.blockActions(actions, deadline));
            }
            case "message_action" -> {
                var shortcut = SlackWebApi.JSON.fromJson(payload, MessageShortcutPayload.class);
                executor.execute(() -> interactions.messageShortcut(shortcut, deadline));
            }
            default -> {
                // other interactions (view_closed, global shortcuts) are not used by this app
            }
        }
        return Response.ok().build();
    }

    /** Refuses the request unless the app is on and Slack signed it; the deadline of its answer. */
    private Instant verified(String timestamp, String signature, byte[] body) {
        if (!config.enabled()) {
            throw new ProblemException(404, "slack-app-disabled", "Not found",
                    "The Slack app is not enabled here (ticket.slack.enabled)", List.of());
        }
        Instant received = clock.instant();
        signatures.verify(timestamp, signature, body);
        return received.plus(SLACK_ANSWER_BUDGET);
    }
}

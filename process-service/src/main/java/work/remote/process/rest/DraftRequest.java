package work.remote.process.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.KeyPoint;
import work.remote.process.Outline;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;
import work.remote.process.service.ProcessService;

/**
 * A process draft: key, title, owner, 5W1H outline, roles, flow (the first step is the start) and key points. A
 * draft may be incomplete; {@code GET /processes/{id}/validation} lists what still keeps it from being published.
 * <p>
 * Sized for the largest event a published version leads to: the {@code ChecklistAssigned} of a role that owns every
 * step and key point, one line per step (id, title and description) and per key point (id and check), 100 × 1,282 +
 * 100 × 1,087 characters of at most 3 bytes each ({@link work.remote.platform.problem.PlainTextStrings}), about 720 KB with
 * its JSON, under Kafka's 1 MB request limit.
 */
@Schema(description = "A process draft; the first step of the flow is its start")
public record DraftRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
        @NotBlank @Size(max = 200) String title,
        @Schema(description = "The owner's stable person id (the token's sub)") @NotBlank @Size(max = 200) String owner,
        @Valid Outline outline,
        @Size(max = 50) List<@NotNull @Valid ProcessRole> roles,
        @Size(max = 100) List<@NotNull @Valid Step> steps,
        @Size(max = 100) List<@NotNull @Valid KeyPoint> keyPoints) {

    public ProcessDefinition definition() {
        return new ProcessDefinition(title, owner, outline, roles, steps, keyPoints);
    }

    public ProcessService.Draft command() {
        return new ProcessService.Draft(key, definition());
    }
}

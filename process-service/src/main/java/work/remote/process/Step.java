package work.remote.process;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of the flow, owned by a role. The first step of a flow is its start; {@code next} names the steps that
 * may follow (several for a branch); {@code end} marks a step where the flow may finish.
 */
public record Step(
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 100) @Schema(description = "The owning role's name; publishing needs one") String role,
        @Size(max = 1_000) String description,
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> next,
        boolean end) {

    public Step {
        next = next == null ? List.of() : List.copyOf(next);
    }
}

package work.remote.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An error-prone step and what must be checked there. */
public record KeyPoint(@NotBlank @Size(max = 80) String stepId, @NotBlank @Size(max = 1_000) String check) {
}

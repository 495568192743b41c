package work.remote.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A role people take in a process (e.g. CS lead), and the team it belongs to. */
public record ProcessRole(@NotBlank @Size(max = 100) String name, @Size(max = 100) String team) {
}

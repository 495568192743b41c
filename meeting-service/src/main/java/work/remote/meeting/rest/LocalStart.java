package work.remote.meeting.rest;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A wall-clock time and the IANA zone it is meant in, e.g. {\"at\": \"2026-12-01T09:00\", \"zone\": \"Europe/Berlin\"}")
public record LocalStart(
        @NotNull @Schema(example = "2026-12-01T09:00") LocalDateTime at,
        @NotBlank @Size(max = 60) @Schema(example = "Europe/Berlin") String zone) {
}

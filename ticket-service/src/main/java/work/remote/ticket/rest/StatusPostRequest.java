package work.remote.ticket.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.ticket.LaunchStatusPosted.Phase;
import work.remote.ticket.service.LaunchService;

@Schema(description = "A deployment status for the CS channel")
public record StatusPostRequest(
        @NotNull Phase phase,
        @NotBlank @Size(max = 4_000) String message,
        @Size(max = 20) @Schema(description = "What users may see meanwhile, e.g. \"HTTP 500s possible\"")
        List<@NotBlank @Size(max = 500) String> expectedSymptoms) {

    LaunchService.StatusUpdate command() {
        return new LaunchService.StatusUpdate(phase, message, expectedSymptoms);
    }
}

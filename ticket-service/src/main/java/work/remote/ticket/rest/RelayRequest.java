package work.remote.ticket.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The training was relayed to someone who missed it; the caller relayed it")
public record RelayRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Who missed it, by stable id (the token's sub)")
        String person) {
}

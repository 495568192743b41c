package work.remote.meeting.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AcknowledgeRelayRequest(
        @Size(max = 2_000) @Schema(description = "How and when the content was relayed") String note) {
}

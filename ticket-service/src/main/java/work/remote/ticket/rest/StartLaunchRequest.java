package work.remote.ticket.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.ticket.service.LaunchService;

@Schema(description = "Start a launch; with open gates only an admin may, giving a reason that stays in the audit trail")
public record StartLaunchRequest(
        @Schema(description = "Start even though gates are open (admin only)") boolean overrideOpenGates,
        @Size(max = 2_000) String reason) {

    LaunchService.Start command() {
        return new LaunchService.Start(overrideOpenGates, reason);
    }
}

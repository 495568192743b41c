package work.remote.ticket.rest;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

import work.remote.ticket.service.LaunchService;

@Schema(description = "A feature launch to plan with customer support")
public record PlanLaunchRequest(
        @NotBlank @Size(max = 200) String feature,
        @NotNull @Schema(description = "Local date and time of the launch in timeZone", example = "2026-12-01T09:00:00")
        LocalDateTime plannedLaunchAt,
        @NotBlank @Size(max = 60) @Schema(description = "IANA time zone of plannedLaunchAt", example = "Europe/Berlin")
        String timeZone,
        @NotBlank @Size(max = 200) @Schema(description = "The product owner's stable id (the token's sub)")
        String productOwner,
        @NotBlank @Size(max = 200) @Schema(description = "The CS lead's stable id (the token's sub)") String csLead,
        @NotEmpty @Size(max = 100) @Schema(description = "The CS agents' stable ids (the tokens' sub)")
        List<@NotBlank @Size(max = 200) String> csAgents,
        @NotBlank @Pattern(regexp = "#[a-z0-9][a-z0-9_-]{0,79}", message = "must be a channel name such as #cs-launch")
        String csChannel,
        @NotBlank @URL @Size(max = 2_000) String rulesDocumentLink) {

    LaunchService.Plan command() {
        return new LaunchService.Plan(feature, plannedLaunchAt, timeZone, productOwner, csLead, csAgents, csChannel,
                rulesDocumentLink);
    }
}

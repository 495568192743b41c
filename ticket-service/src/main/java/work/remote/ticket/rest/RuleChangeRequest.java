package work.remote.ticket.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

import work.remote.ticket.service.LaunchService;

@Schema(description = "The rules document changed because requirements changed")
public record RuleChangeRequest(
        @NotBlank @Size(max = 4_000) String summary,
        @NotNull @Min(2) @Schema(description = "The new version of the rules document; higher than the current one")
        Integer documentVersion,
        @URL @Size(max = 2_000) @Schema(description = "Where the new version is; the current link when absent")
        String rulesDocumentLink) {

    LaunchService.NewRules command() {
        return new LaunchService.NewRules(summary, documentVersion, rulesDocumentLink);
    }
}

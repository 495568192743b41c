package work.remote.ticket.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.ticket.service.LaunchService;

@Schema(description = "Someone of the CS team took part in the final onboarding round")
public record ParticipationRequest(
        @Size(max = 200) @Schema(description = "Who took part, by stable id (the token's sub); the caller when "
                + "absent. Only the CS lead, product or an admin may record someone else") String person,
        @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> userQuestions) {

    LaunchService.Participation command() {
        return new LaunchService.Participation(person, userQuestions);
    }
}

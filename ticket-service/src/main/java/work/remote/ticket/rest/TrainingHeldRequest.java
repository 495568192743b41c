package work.remote.ticket.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.ticket.service.LaunchService;

@Schema(description = "A training held outside meeting-service: who attended and who missed it")
public record TrainingHeldRequest(
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> attendees,
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) String> absentees) {

    LaunchService.TrainingHeld command() {
        return new LaunchService.TrainingHeld(null, attendees, absentees);
    }
}

package work.remote.meeting.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AttendanceRequest(
        @NotNull @Size(max = 500) @Schema(description = "The invitees who attended; every other invitee was absent")
        List<@NotBlank @Size(max = 200) String> present) {
}

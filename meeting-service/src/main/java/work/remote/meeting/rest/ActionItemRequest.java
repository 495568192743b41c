package work.remote.meeting.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.service.ReviewService;

public record ActionItemRequest(
        @NotBlank @Size(max = 1_000) String description,
        @NotBlank @Size(max = 200) @Schema(description = "A person id (or an address in an allowed domain)") String owner,
        @NotNull LocalDate due) {

    public ReviewService.NewActionItem toNew() {
        return new ReviewService.NewActionItem(description, owner, due);
    }
}

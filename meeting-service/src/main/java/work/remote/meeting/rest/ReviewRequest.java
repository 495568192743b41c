package work.remote.meeting.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.service.ReviewService;

/**
 * The write-up of an after-action review. Sized for its {@code RetrospectiveCompleted}: 3 × 4,000 characters, 2 × 50 ×
 * 1,000 to keep and change, 50 action items of 1,000 + 200, of at most 3 bytes each: about 525 KB with its JSON.
 */
@Schema(description = "The write-up of an after-action review")
public record ReviewRequest(
        @NotBlank @Size(max = 4_000) String expected,
        @NotBlank @Size(max = 4_000) String happened,
        @NotBlank @Size(max = 4_000) String whyDifferent,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 1_000) String> toKeep,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 1_000) String> toChange,
        @NotNull @Size(max = 50) List<@NotNull @Valid ActionItemRequest> actionItems) {

    public ReviewService.Findings command() {
        return new ReviewService.Findings(expected, happened, whyDifferent, toKeep, toChange,
                actionItems.stream().map(ActionItemRequest::toNew).toList());
    }
}

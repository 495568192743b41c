package work.remote.meeting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.ActionItem;
import work.remote.meeting.service.ReviewService;

public record ActionItemTransitionRequest(
        @NotNull @Schema(description = "DONE, or DROPPED with a reason") ActionItem.State to,
        @Size(max = 2_000) String reason) {

    public ReviewService.Closing command() {
        return new ReviewService.Closing(to, reason);
    }
}

package work.remote.meeting.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ConcludeRequest(
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> decisions,
        @NotNull @Size(max = 500) List<@NotNull @Valid FeedbackRequest> feedback) {
}

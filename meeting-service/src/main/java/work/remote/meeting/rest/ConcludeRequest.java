package work.remote.meeting.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import work.remote.meeting.service.MeetingService;

/**
 * Decisions and feedback of a concluded meeting. Sized for its {@code MeetingConcluded}: 50 × 1,000 characters of
 * decisions, 100 feedback items of 200 + 200 + 1,500, and the invitees of one meeting (at most 12 × 500), of at most
 * 3 bytes each ({@link work.remote.platform.problem.PlainTextStrings}): about 750 KB with its JSON, under Kafka's 1 MB.
 */
public record ConcludeRequest(
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 1_000) String> decisions,
        @NotNull @Size(max = 100) List<@NotNull @Valid FeedbackRequest> feedback) {

    public MeetingService.Conclusion command() {
        return new MeetingService.Conclusion(decisions, feedback.stream().map(FeedbackRequest::toItem).toList());
    }
}

package work.remote.meeting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.meeting.FeedbackItem;

public record FeedbackRequest(
        @NotBlank @Size(max = 200) String author,
        @NotNull FeedbackItem.Kind kind,
        @Size(max = 200) @Schema(description = "The step or 5W1H field it is about, e.g. step:open-parent-ticket or field:who") String concerns,
        @NotBlank @Size(max = 1_500) String text) {

    public FeedbackItem toItem() {
        return new FeedbackItem(author, kind, concerns, text);
    }
}

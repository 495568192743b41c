package work.remote.meeting.rest;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.meeting.MeetingSubject;

@Schema(description = "What the meeting is about: a process (its id in process-service) or a launch (its id in ticket-service)")
public record SubjectRequest(
        @NotNull MeetingSubject.Kind kind,
        @NotNull UUID id,
        @NotBlank @Size(max = 200) String title,
        @Min(1) @Schema(description = "The process version; none for a launch or a draft") Integer version) {

    public MeetingSubject toSubject() {
        return new MeetingSubject(kind, id, title, version);
    }
}

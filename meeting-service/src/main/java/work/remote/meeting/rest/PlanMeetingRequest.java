package work.remote.meeting.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.meeting.MeetingKind;
import work.remote.meeting.service.MeetingPlanner;

@Schema(description = "A meeting to plan; for sessions, the invitees are split into as many meetings as the kind's size needs")
public record PlanMeetingRequest(
        @NotNull MeetingKind kind,
        @NotNull @Valid SubjectRequest subject,
        @Size(max = 300) @Schema(description = "Defaults to the kind and the subject's title") String title,
        @Size(max = 200) @Schema(description = "A person id (or an address in an allowed domain); defaults to the caller") String host,
        @NotNull @Valid LocalStart startsAt,
        @NotNull @Min(1) @Max(24 * 60) Integer durationMinutes,
        @Min(5) @Max(10) @Schema(description = "5 to 10; defaults to as long as the duration allows") Integer presentationMinutes,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(description = "The remote room; defaults to a room of its own") String joinLink,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String materialLink,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid InviteeRequest> invitees,
        @Schema(description = "Sessions only: let small function groups share a session when they fit; by default "
                + "each session holds one function group") Boolean mixSmallGroups) {

    public MeetingPlanner.Proposal command() {
        return new MeetingPlanner.Proposal(kind, subject.toSubject(), title, host, startsAt.at(), startsAt.zone(),
                durationMinutes, presentationMinutes, joinLink, materialLink,
                invitees.stream().map(InviteeRequest::toInvitee).toList(), Boolean.TRUE.equals(mixSmallGroups));
    }
}

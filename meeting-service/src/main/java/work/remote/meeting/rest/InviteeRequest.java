package work.remote.meeting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.meeting.Invitee;

public record InviteeRequest(
        @NotBlank @Size(max = 200) @Schema(description = "A person id (or an address in an allowed domain)") String person,
        @NotBlank @Size(max = 100) @Schema(description = "Sessions are split by it, e.g. R&D, CS, ops") String functionGroup,
        @Size(max = 200) @Schema(description = "A person id; relays the meeting when the person misses it; none: the host relays") String supervisor) {

    public Invitee toInvitee() {
        return new Invitee(person, functionGroup, supervisor == null || supervisor.isBlank() ? null : supervisor);
    }
}

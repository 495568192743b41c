package work.remote.meeting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.Invitation;

public record InvitationView(String person, String functionGroup, String supervisor,
        @Schema(description = "Null until the host takes attendance") Boolean present) {

    public static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.person, invitation.functionGroup, invitation.supervisor,
                invitation.present);
    }
}

package work.remote.meeting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import work.remote.meeting.service.MeetingService;

/** An off-topic proposal: who made it, and what it is. */
public record ParkRequest(@NotBlank @Size(max = 200) String proposedBy, @NotBlank @Size(max = 2_000) String proposal) {

    public MeetingService.Parking command() {
        return new MeetingService.Parking(proposedBy, proposal);
    }
}

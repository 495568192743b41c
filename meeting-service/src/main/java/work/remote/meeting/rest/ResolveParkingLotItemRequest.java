package work.remote.meeting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.service.MeetingService;

public record ResolveParkingLotItemRequest(
        @NotNull @Schema(description = "DISCUSSED or DROPPED") ParkingLotItem.State outcome,
        @Size(max = 2_000) String note) {

    public MeetingService.Resolution command() {
        return new MeetingService.Resolution(outcome, note);
    }
}

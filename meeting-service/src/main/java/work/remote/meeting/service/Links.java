package work.remote.meeting.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.meeting.config.MeetingConfig;

/** The addresses events and views point people to. */
@ApplicationScoped
public class Links {

    private final MeetingConfig config;

    @Inject
    public Links(MeetingConfig config) {
        this.config = config;
    }

    public String meeting(UUID meetingId) {
        return config.publicUrl() + "/meetings/" + meetingId;
    }

    public String review(UUID meetingId) {
        return meeting(meetingId) + "/review";
    }

    public String relay(UUID relayId) {
        return config.publicUrl() + "/relays/" + relayId;
    }

    /** The remote room of a meeting whose planner named none. */
    public String room(UUID meetingId) {
        return config.roomUrl() + meetingId;
    }
}

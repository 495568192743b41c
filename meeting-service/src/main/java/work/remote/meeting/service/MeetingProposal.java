package work.remote.meeting.service;

import java.time.LocalDateTime;
import java.util.List;

import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;

/**
 * A meeting someone asks for, before its limits are checked: {@code startsAt} is a wall-clock time in {@code zone}
 * (an IANA id); {@code title}, {@code host}, {@code presentationMinutes} and {@code joinLink} may be left to their
 * defaults.
 */
public record MeetingProposal(MeetingKind kind, MeetingSubject subject, String title, String host,
        LocalDateTime startsAt, String zone, int durationMinutes, Integer presentationMinutes, String joinLink,
        String materialLink, List<Invitee> invitees) {
}

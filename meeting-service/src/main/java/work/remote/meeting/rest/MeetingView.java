package work.remote.meeting.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.meeting.FeedbackItem;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;
import work.remote.meeting.Feedback;
import work.remote.meeting.Meeting;
import work.remote.meeting.MeetingState;

public record MeetingView(
        UUID id,
        MeetingKind kind,
        MeetingSubject subject,
        String title,
        @Schema(description = "The host's person id") String host,
        @Schema(description = "The host's display name as last learnt from them; null until they act") String hostName,
        Instant startsAt,
        @Schema(description = "The IANA zone the meeting was planned in") String timeZone,
        @Schema(description = "The start in that zone, with its offset", example = "2026-12-01T09:00+01:00[Europe/Berlin]") String localStart,
        int durationMinutes,
        String joinLink,
        String materialLink,
        int sessionNumber,
        int sessionCount,
        @Schema(description = "The function group a session discusses for, e.g. ops; groups joined by \" + \" when small "
                + "groups were mixed; null for a meeting planned on its own") String focus,
        @Schema(description = "Whether small function groups were asked to share sessions") boolean mixSmallGroups,
        @Schema(description = "People in the room: the invitees and the host") int participants,
        MeetingState state,
        Instant startedAt,
        Instant endedAt,
        List<InvitationView> invitees,
        List<AgendaItemView> agenda,
        List<String> decisions,
        List<FeedbackItem> feedback,
        long version,
        String link) {

    public static MeetingView of(Meeting meeting, Instant now, String link) {
        return new MeetingView(meeting.id, meeting.kind, meeting.subject.toEvent(), meeting.title, meeting.host,
                meeting.hostName, meeting.startsAt, meeting.timeZone, meeting.localStart().toString(), meeting.durationMinutes,
                meeting.joinLink, meeting.materialLink, meeting.sessionNumber, meeting.sessionCount,
                meeting.focus, meeting.mixSmallGroups,
                meeting.participants(),
                meeting.state, meeting.startedAt, meeting.endedAt,
                meeting.invitees.stream().map(InvitationView::of).toList(),
                meeting.agenda.stream().map(slot -> AgendaItemView.of(slot, now)).toList(),
                List.copyOf(meeting.decisions), meeting.feedback.stream().map(Feedback::toEvent).toList(),
                meeting.version, link);
    }
}

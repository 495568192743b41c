package work.remote.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;

/**
 * A discussion, training or retrospective meeting: its host, start, remote room, material, invitees and the
 * generated agenda the host runs through; then attendance, decisions and feedback.
 */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public MeetingKind kind;

    @Embedded
    public Subject subject;

    public String title;

    /** The host's person id. */
    public String host;

    /** The host's display name as last learnt from them; null until they act, when someone else planned it. */
    @Column(name = "host_name")
    public String hostName;

    @Column(name = "starts_at")
    public Instant startsAt;

    /** The IANA zone the start was given in, to show it back the way it was planned. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Column(name = "join_link")
    public String joinLink;

    @Column(name = "material_link")
    public String materialLink;

    @Column(name = "session_number")
    public int sessionNumber;

    @Column(name = "session_count")
    public int sessionCount;

    /** The function group this session discusses for ("R&D + ops" when small groups were mixed); null for one meeting. */
    public String focus;

    @Column(name = "mix_small_groups")
    public boolean mixSmallGroups;

    @Enumerated(EnumType.STRING)
    public MeetingState state;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "attendance_recorded")
    public boolean attendanceRecorded;

    @ElementCollection
    @CollectionTable(name = "meeting_invitee", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<Invitation> invitees = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_agenda_item", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<AgendaSlot> agenda = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_decision", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    @Column(name = "decision")
    public List<String> decisions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_feedback", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<Feedback> feedback = new ArrayList<>();

    @Version
    public long version;

    /**
     * Session {@code sessionNumber} of {@code sessionCount} of {@code plan}, starting at {@code startsAt}, for the
     * invitees of {@code session}, titled and with a discussion named after its focus; its agenda takes up the
     * subject's {@code openItems}, and without a join link of its own it gets the room {@code roomUrl} followed by
     * its id.
     */
    public static Meeting plan(MeetingPlan plan, int sessionNumber, int sessionCount, Instant startsAt,
            SessionPlanner.Session session, List<ParkingLotItem> openItems, String roomUrl) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.kind = plan.kind();
        meeting.subject = Subject.of(plan.subject());
        meeting.sessionNumber = sessionNumber;
        meeting.sessionCount = sessionCount;
        meeting.focus = session.focus();
        meeting.mixSmallGroups = plan.mixSmallGroups();
        meeting.title = plan.titleOf(sessionNumber, sessionCount, session.focus());
        meeting.host = plan.host();
        meeting.hostName = plan.hostName();
        meeting.startsAt = startsAt;
        meeting.timeZone = plan.zone().getId();
        meeting.durationMinutes = plan.durationMinutes();
        meeting.joinLink = plan.joinLink() == null ? roomUrl + meeting.id : plan.joinLink();
        meeting.materialLink = plan.materialLink();
        meeting.state = MeetingState.SCHEDULED;
        session.invitees().forEach(invitee -> meeting.invitees.add(Invitation.of(invitee)));
        meeting.agenda.addAll(meeting.agendaTakingUp(plan.presentationMinutes(), openItems));
        return meeting;
    }

    /** Keeps the host's display name current: {@code caller} acting as the host tells us what they are called now. */
    public void learnHostName(Caller caller) {
        if (caller.is(host)) {
            hostName = caller.name();
        }
    }

    /** The number of people in the room: the invitees, and the host unless invited as well. */
    public static int participants(String host, List<Invitee> invitees) {
        boolean hostInvited = invitees.stream().anyMatch(invitee -> invitee.person().equals(host));
        return invitees.size() + (hostInvited ? 0 : 1);
    }

    public int participants() {
        return participants(host, invitees.stream().map(Invitation::toEvent).toList());
    }

    public ZonedDateTime localStart() {
        return startsAt.atZone(ZoneId.of(timeZone));
    }

    public Optional<AgendaSlot> currentItem() {
        return agenda.stream().filter(AgendaSlot::isRunning).findFirst();
    }

    /**
     * Opens the meeting with a fresh agenda, so it takes up the {@code openItems} parked on its subject since it was
     * planned, and starts its first item. The presentation keeps the length it was planned with.
     */
    public void start(List<ParkingLotItem> openItems, Instant now) {
        requireState(MeetingState.SCHEDULED, "start");
        List<AgendaSlot> freshAgenda = agendaTakingUp(agenda.get(0).plannedMinutes, openItems);
        agenda.clear();
        agenda.addAll(freshAgenda);
        state = MeetingState.RUNNING;
        startedAt = now;
        agenda.get(0).startedAt = now;
    }

    /** Ends the running agenda item and starts the next one; the last item ending leaves the meeting open for concluding. */
    public void advanceAgenda(Instant now) {
        requireState(MeetingState.RUNNING, "advance the agenda of");
        AgendaSlot current = currentItem().orElseThrow(() -> ProblemException.conflict("agenda-finished",
                "The agenda is finished", "Every agenda item has ended; conclude the meeting"));
        current.endedAt = now;
        int next = agenda.indexOf(current) + 1;
        if (next < agenda.size()) {
            agenda.get(next).startedAt = now;
        }
    }

    /** Takes attendance: the people named were there, every other invitee was not. Can be corrected until concluded. */
    public void recordAttendance(List<String> present) {
        if (state == MeetingState.CONCLUDED) {
            throw ProblemException.conflict("meeting-concluded", "The meeting is concluded",
                    "Attendance of a concluded meeting cannot change");
        }
        Set<String> invited = new HashSet<>();
        invitees.forEach(invitation -> invited.add(invitation.person));
        List<Problem.Violation> strangers = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            if (!invited.contains(present.get(i))) {
                strangers.add(new Problem.Violation("present[" + i + "]", present.get(i) + " is not invited"));
            }
        }
        if (!strangers.isEmpty()) {
            throw ProblemException.invalid(strangers);
        }
        invitees.forEach(invitation -> invitation.present = present.contains(invitation.person));
        attendanceRecorded = true;
    }

    public List<Invitation> attendees() {
        return invitees.stream().filter(invitation -> Boolean.TRUE.equals(invitation.present)).toList();
    }

    public List<Invitation> absentees() {
        return invitees.stream().filter(invitation -> Boolean.FALSE.equals(invitation.present)).toList();
    }

    /**
     * Ends the meeting with its decisions and feedback, which only people in the meeting can have given. Needs
     * attendance, so that absentees get their relays.
     */
    public void conclude(List<String> madeDecisions, List<Feedback> given, Instant now) {
        requireState(MeetingState.RUNNING, "conclude");
        if (!attendanceRecorded) {
            throw ProblemException.conflict("attendance-missing", "Attendance not taken",
                    "Record who attended before concluding, so that absentees get their relay");
        }
        List<Problem.Violation> strangers = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String author = given.get(i).author;
            if (!author.equals(host) && invitees.stream().noneMatch(invitation -> invitation.person.equals(author))) {
                strangers.add(new Problem.Violation("feedback[" + i + "].author", author + " is not in the meeting"));
            }
        }
        if (!strangers.isEmpty()) {
            throw ProblemException.invalid(strangers);
        }
        currentItem().ifPresent(item -> item.endedAt = now);
        decisions.addAll(madeDecisions);
        feedback.addAll(given);
        state = MeetingState.CONCLUDED;
        endedAt = now;
    }

    /** The relay each absentee's supervisor is asked for once the meeting is concluded. */
    public List<Relay> relaysForAbsentees(Instant now) {
        return absentees().stream().map(absentee -> Relay.request(this, absentee, now)).toList();
    }

    /** A running meeting: only it can take parked proposals. */
    public void requireRunning(String action) {
        requireState(MeetingState.RUNNING, action);
    }

    /** Edits must name the version they were made on, when they name one at all. */
    public void requireVersion(Long expected) {
        Revision.require("meeting " + id, version, expected);
    }

    public MeetingScheduled scheduledEvent(String link) {
        return new MeetingScheduled(id, kind, subject.toEvent(), title, host, startsAt, durationMinutes, timeZone,
                joinLink, materialLink, sessionNumber, sessionCount,
                invitees.stream().map(Invitation::toEvent).toList(),
                agenda.stream().map(AgendaSlot::toEvent).toList(), link);
    }

    public MeetingConcluded concludedEvent(String link) {
        return new MeetingConcluded(id, kind, subject.toEvent(), title, host, startedAt, endedAt,
                attendees().stream().map(Invitation::toEvent).toList(),
                absentees().stream().map(Invitation::toEvent).toList(), decisions,
                feedback.stream().map(Feedback::toEvent).toList(), link);
    }

    private List<AgendaSlot> agendaTakingUp(int presentationMinutes, List<ParkingLotItem> openItems) {
        return Agenda.generate(durationMinutes, presentationMinutes, subject.title, focus, materialLink, openItems);
    }

    private void requireState(MeetingState required, String action) {
        if (state != required) {
            throw ProblemException.conflict("meeting-" + state.name().toLowerCase(), "Not possible in this state",
                    "Cannot " + action + " a " + state + " meeting; it must be " + required);
        }
    }
}

package work.remote.meeting.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.meeting.FeedbackItem;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.ParkingLotItemRecorded;
import work.remote.events.meeting.RelayRequested;
import work.remote.platform.outbox.Outbox;
import work.remote.meeting.Agenda;
import work.remote.meeting.AgendaSlot;
import work.remote.meeting.Caller;
import work.remote.meeting.Feedback;
import work.remote.meeting.Invitation;
import work.remote.meeting.Meeting;
import work.remote.meeting.MeetingState;
import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.Relay;
import work.remote.platform.problem.ProblemException;

/** Runs a meeting for its host: start, agenda, parking lot, attendance, conclusion with relays for absentees. */
@ApplicationScoped
public class MeetingService {

    private final Outbox outbox;
    private final Clock clock;
    private final Links links;

    @Inject
    public MeetingService(Outbox outbox, Clock clock, Links links) {
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    public Meeting find(UUID id) {
        Meeting meeting = Meeting.findById(id);
        if (meeting == null) {
            throw ProblemException.notFound("Meeting", id);
        }
        return meeting;
    }

    public Slice<Meeting> find(UUID subjectId, MeetingKind kind, String host, MeetingState state, int page, int size) {
        Filter filter = new Filter().equal("subject.id", subjectId).equal("kind", kind).equal("host", host)
                .equal("state", state);
        return Slice.of(Meeting.find(filter.query(), Sort.ascending("startsAt").and("id"), filter.parameters()),
                page, size);
    }

    /** Starts the meeting; its agenda is generated afresh to take up what was parked on the subject meanwhile. */
    @Transactional
    public Meeting start(UUID id, Caller caller) {
        Meeting meeting = hostedBy(id, caller);
        int presentation = meeting.agenda.get(0).plannedMinutes;
        List<AgendaSlot> agenda = Agenda.generate(meeting.durationMinutes, presentation, meeting.subject.title,
                meeting.materialLink, ParkingLotItem.openFor(meeting.subject));
        meeting.start(agenda, clock.instant());
        return Writes.flushed(meeting);
    }

    @Transactional
    public Meeting advanceAgenda(UUID id, Caller caller) {
        Meeting meeting = hostedBy(id, caller);
        meeting.advanceAgenda(clock.instant());
        return Writes.flushed(meeting);
    }

    /** Parks an off-topic proposal made in the running meeting. */
    @Transactional
    public ParkingLotItem park(UUID id, String proposedBy, String proposal, Caller caller) {
        Meeting meeting = hostedBy(id, caller);
        meeting.requireRunning("park a proposal in");
        ParkingLotItem item = ParkingLotItem.park(meeting, proposedBy, proposal, caller.name(), clock.instant());
        item.persist();
        outbox.publish(new ParkingLotItemRecorded(item.id, meeting.id, meeting.subject.toEvent(), item.proposedBy,
                item.proposal, item.recordedBy, item.recordedAt, links.meeting(meeting.id)));
        return item;
    }

    public Slice<ParkingLotItem> parkingLot(UUID subjectId, ParkingLotItem.State state, int page, int size) {
        Filter filter = new Filter().equal("subjectId", subjectId).equal("state", state);
        return Slice.of(ParkingLotItem.find(filter.query(), Sort.ascending("recordedAt").and("id"),
                filter.parameters()), page, size);
    }

    /** Marks a parked item discussed or dropped; a host of a meeting on its subject (or an admin) decides. */
    @Transactional
    public ParkingLotItem resolve(UUID itemId, ParkingLotItem.State outcome, String note, Caller caller) {
        ParkingLotItem item = ParkingLotItem.findById(itemId);
        if (item == null) {
            throw ProblemException.notFound("Parking-lot item", itemId);
        }
        List<String> hosts = Meeting.<Meeting>list("subject.kind = ?1 and subject.id = ?2", item.subjectKind,
                item.subjectId).stream().map(meeting -> meeting.host).distinct().toList();
        caller.mustBe("host of a meeting on this subject", hosts.toArray(String[]::new));
        item.resolve(outcome, note, caller.name(), clock.instant());
        return Writes.flushed(item);
    }

    @Transactional
    public Meeting recordAttendance(UUID id, List<String> present, Caller caller) {
        Meeting meeting = hostedBy(id, caller);
        meeting.recordAttendance(present);
        return Writes.flushed(meeting);
    }

    /**
     * Concludes the meeting with its decisions and feedback ({@code MeetingConcluded}) and asks the supervisor of
     * each absentee to relay it ({@code RelayRequested}), all in one transaction.
     */
    @Transactional
    public Meeting conclude(UUID id, List<String> decisions, List<FeedbackItem> feedback, Caller caller) {
        Meeting meeting = hostedBy(id, caller);
        Instant now = clock.instant();
        meeting.conclude(decisions, feedback.stream().map(Feedback::of).toList(), now);
        Writes.flushed(meeting);
        outbox.publish(new MeetingConcluded(meeting.id, meeting.kind, meeting.subject.toEvent(), meeting.title,
                meeting.host, meeting.startedAt, meeting.endedAt,
                meeting.attendees().stream().map(Invitation::toEvent).toList(),
                meeting.absentees().stream().map(Invitation::toEvent).toList(), meeting.decisions,
                meeting.feedback.stream().map(Feedback::toEvent).toList(), links.meeting(meeting.id)));
        for (Invitation absentee : meeting.absentees()) {
            Relay relay = Relay.request(meeting, absentee, now);
            relay.persist();
            outbox.publish(new RelayRequested(relay.id, meeting.id, meeting.kind, meeting.subject.toEvent(),
                    meeting.title, relay.absentee, relay.supervisor, relay.requestedAt, links.relay(relay.id)));
        }
        return meeting;
    }

    private Meeting hostedBy(UUID id, Caller caller) {
        Meeting meeting = find(id);
        caller.mustBe("host", meeting.host);
        return meeting;
    }
}

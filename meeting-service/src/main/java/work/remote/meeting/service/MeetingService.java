package work.remote.meeting.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.meeting.FeedbackItem;
import work.remote.events.meeting.MeetingKind;
import work.remote.meeting.Feedback;
import work.remote.meeting.Meeting;
import work.remote.meeting.MeetingState;
import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.Relay;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.query.Criteria;

/**
 * Runs a meeting for its host: start, agenda, parking lot, attendance, conclusion with relays for absentees. A
 * change that names the version it was made on ({@code expectedVersion}, from {@code If-Match}) is refused when the
 * meeting moved on meanwhile; changes are flushed in the call, so that a concurrent one surfaces as a 409 as well.
 */
@ApplicationScoped
public class MeetingService {

    /** An off-topic proposal made in the meeting: who made it (a person id), and what it is. */
    public record Parking(String proposedBy, String proposal) {
    }

    /** What a meeting ends with: its decisions and the feedback people gave. */
    public record Conclusion(List<String> decisions, List<FeedbackItem> feedback) {
    }

    /** What became of a parked proposal: DISCUSSED or DROPPED, and a note. */
    public record Resolution(ParkingLotItem.State outcome, String note) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final Links links;
    private final SubjectCatalog subjects;
    private final Recipients recipients;

    @Inject
    public MeetingService(Outbox outbox, Clock clock, Links links, SubjectCatalog subjects, Recipients recipients) {
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
        this.subjects = subjects;
        this.recipients = recipients;
    }

    public Meeting find(UUID id) {
        Meeting meeting = Meeting.findById(id);
        if (meeting == null) {
            throw ProblemException.notFound("Meeting", id);
        }
        return meeting;
    }

    public Page<Meeting> find(UUID subjectId, MeetingKind kind, String host, MeetingState state, PageRequest page) {
        Criteria criteria = Criteria.where().equal("subject.id", subjectId).equal("kind", kind).equal("host", host)
                .equal("state", state);
        return Page.of(Meeting.find(criteria.query(), Sort.ascending("startsAt").and("id"), criteria.parameters()),
                page);
    }

    /** Starts the meeting; its agenda is generated afresh to take up what was parked on the subject meanwhile. */
    @Transactional
    public Meeting start(UUID id, Long expectedVersion, Caller caller) {
        Meeting meeting = hostedBy(id, expectedVersion, caller);
        meeting.start(ParkingLotItem.openFor(meeting.subject), clock.instant());
        Meeting.flush();
        return meeting;
    }

    @Transactional
    public Meeting advanceAgenda(UUID id, Long expectedVersion, Caller caller) {
        Meeting meeting = hostedBy(id, expectedVersion, caller);
        meeting.advanceAgenda(clock.instant());
        Meeting.flush();
        return meeting;
    }

    /** Parks an off-topic proposal made in the running meeting. */
    @Transactional
    public ParkingLotItem park(UUID id, Parking parking, Caller caller) {
        Meeting meeting = hostedBy(id, null, caller);
        meeting.requireRunning("park a proposal in");
        recipients.require("proposedBy", parking.proposedBy());
        ParkingLotItem item = ParkingLotItem.park(meeting, parking.proposedBy(), parking.proposal(), caller.id(),
                clock.instant());
        item.persist();
        outbox.publish(item.recordedEvent(meeting, links.to("meetings", meeting.id)));
        return item;
    }

    public Page<ParkingLotItem> parkingLot(UUID subjectId, ParkingLotItem.State state, PageRequest page) {
        Criteria criteria = Criteria.where().equal("subjectId", subjectId).equal("state", state);
        return Page.of(ParkingLotItem.find(criteria.query(), Sort.ascending("recordedAt").and("id"),
                criteria.parameters()), page);
    }

    /**
     * Marks a parked item discussed or dropped. The host of the meeting it was parked in decides, or the subject's
     * owner, or an admin; hosting another meeting on the subject is not enough.
     */
    @Transactional
    public ParkingLotItem resolve(UUID itemId, Long expectedVersion, Resolution resolution, Caller caller) {
        ParkingLotItem item = ParkingLotItem.findById(itemId);
        if (item == null) {
            throw ProblemException.notFound("Parking-lot item", itemId);
        }
        Meeting parkedIn = find(item.meetingId);
        List<String> deciders = new ArrayList<>(List.of(parkedIn.host));
        subjects.ownerOf(item.subjectKind, item.subjectId).ifPresent(deciders::add);
        caller.mustBe("host who parked it or subject owner", deciders.toArray(String[]::new));
        parkedIn.learnHostName(caller);
        item.requireVersion(expectedVersion);
        item.resolve(resolution.outcome(), resolution.note(), caller.id(), clock.instant());
        ParkingLotItem.flush();
        return item;
    }

    @Transactional
    public Meeting recordAttendance(UUID id, Long expectedVersion, List<String> present, Caller caller) {
        Meeting meeting = hostedBy(id, expectedVersion, caller);
        meeting.recordAttendance(present);
        Meeting.flush();
        return meeting;
    }

    /**
     * Concludes the meeting with its decisions and feedback ({@code MeetingConcluded}) and asks the supervisor of
     * each absentee to relay it ({@code RelayRequested}), all in one transaction.
     */
    @Transactional
    public Meeting conclude(UUID id, Long expectedVersion, Conclusion conclusion, Caller caller) {
        Meeting meeting = hostedBy(id, expectedVersion, caller);
        Instant now = clock.instant();
        meeting.conclude(conclusion.decisions(), conclusion.feedback().stream().map(Feedback::of).toList(), now);
        Meeting.flush();
        outbox.publish(meeting.concludedEvent(links.to("meetings", meeting.id)));
        for (Relay relay : meeting.relaysForAbsentees(now)) {
            relay.persist();
            outbox.publish(relay.requestedEvent(meeting, links.to("relays", relay.id)));
        }
        return meeting;
    }

    private Meeting hostedBy(UUID id, Long expectedVersion, Caller caller) {
        Meeting meeting = find(id);
        caller.mustBe("host", meeting.host);
        meeting.requireVersion(expectedVersion);
        meeting.learnHostName(caller);
        return meeting;
    }
}

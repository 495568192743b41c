package work.remote.meeting.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.meeting.Meeting;
import work.remote.meeting.Relay;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.query.Criteria;

/** Relay tasks: listed per supervisor and per meeting, acknowledged by their supervisor alone. */
@ApplicationScoped
public class RelayService {

    private final Outbox outbox;
    private final Clock clock;
    private final Links links;

    @Inject
    public RelayService(Outbox outbox, Clock clock, Links links) {
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    public Relay find(UUID id) {
        Relay relay = Relay.findById(id);
        if (relay == null) {
            throw ProblemException.notFound("Relay", id);
        }
        return relay;
    }

    /** Relays filtered by supervisor, meeting and whether they are still open, oldest request first. */
    public Page<Relay> find(String supervisor, UUID meetingId, Boolean open, PageRequest page) {
        Criteria criteria = Criteria.where().equal("supervisor", supervisor).equal("meetingId", meetingId)
                .when(Boolean.TRUE.equals(open), "acknowledgedAt is null")
                .when(Boolean.FALSE.equals(open), "acknowledgedAt is not null");
        return Page.of(Relay.find(criteria.query(), Sort.ascending("requestedAt").and("id"), criteria.parameters()),
                page);
    }

    @Transactional
    public Relay acknowledge(UUID id, Long expectedVersion, String note, Caller caller) {
        Relay relay = find(id);
        relay.acknowledge(caller, expectedVersion, note, clock.instant());
        Relay.flush();
        Meeting meeting = Meeting.findById(relay.meetingId);
        outbox.publish(relay.acknowledgedEvent(meeting, links.to("relays", relay.id)));
        return relay;
    }
}

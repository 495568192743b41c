package work.remote.meeting.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.meeting.RelayAcknowledged;
import work.remote.platform.outbox.Outbox;
import work.remote.meeting.Meeting;
import work.remote.meeting.Relay;
import work.remote.platform.problem.ProblemException;

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
    public Slice<Relay> find(String supervisor, UUID meetingId, Boolean open, int page, int size) {
        Filter filter = new Filter().equal("supervisor", supervisor).equal("meetingId", meetingId)
                .when(Boolean.TRUE.equals(open), "acknowledgedAt is null")
                .when(Boolean.FALSE.equals(open), "acknowledgedAt is not null");
        return Slice.of(Relay.find(filter.query(), Sort.ascending("requestedAt").and("id"), filter.parameters()),
                page, size);
    }

    @Transactional
    public Relay acknowledge(UUID id, String supervisor, String note) {
        Relay relay = find(id);
        relay.acknowledge(supervisor, note, clock.instant());
        Writes.flushed(relay);
        Meeting meeting = Meeting.findById(relay.meetingId);
        outbox.publish(new RelayAcknowledged(relay.id, meeting.id, meeting.kind, meeting.subject.toEvent(),
                meeting.title, relay.absentee, relay.supervisor, relay.note, relay.acknowledgedAt,
                links.relay(relay.id)));
        return relay;
    }
}

package work.remote.ticket.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.ticket.LaunchState;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.query.Criteria;
import work.remote.ticket.FeedbackSummary;
import work.remote.ticket.Launch;
import work.remote.ticket.LaunchChange;
import work.remote.ticket.LaunchRecords;
import work.remote.ticket.RuleChange;
import work.remote.ticket.StatusPost;

/** Reads launches with their records and gates, and what was posted, changed and fed back about them. */
@ApplicationScoped
public class LaunchSearch {

    /** A launch with what has been recorded about its gates, and each gate judged from those records. */
    public record Overview(Launch launch, LaunchRecords records, List<LaunchGates.Status> gates) {
    }

    private final LaunchGates gates;
    private final LaunchFeedback feedback;
    private final Clock clock;

    @Inject
    public LaunchSearch(LaunchGates gates, LaunchFeedback feedback, Clock clock) {
        this.gates = gates;
        this.feedback = feedback;
        this.clock = clock;
    }

    /**
     * The parent feedback ticket of the live launch whose CS channel is one of {@code channelNames} (a channel may be
     * written with or without {@code #}, or by its Slack id); empty when no live launch uses that channel.
     */
    @Transactional
    public Optional<UUID> parentTicketOfLiveLaunchIn(List<String> channelNames) {
        return Launch.<Launch> find("state = ?1 and csChannel in ?2 order by startedAt desc", LaunchState.LIVE,
                channelNames).firstResultOptional().map(launch -> launch.parentTicketId);
    }

    public Launch find(UUID id) {
        Launch launch = Launch.findById(id);
        if (launch == null) {
            throw ProblemException.notFound("Launch", id);
        }
        return launch;
    }

    public Overview overview(UUID id) {
        return overview(find(id));
    }

    public Overview overview(Launch launch) {
        return overviewOf(launch, LaunchRecords.of(launch.id));
    }

    /**
     * Launches, the soonest planned first, optionally only those in {@code state}; the records of a whole page load
     * with one query per kind of record.
     */
    public Page<Overview> list(LaunchState state, PageRequest request) {
        Criteria where = Criteria.where().equal("state", state);
        Page<Launch> page = Page.of(Launch.find(where.query(), Sort.by("plannedLaunchAt"), where.parameters()),
                request);
        Map<UUID, LaunchRecords> records = LaunchRecords.of(page.items().stream().map(launch -> launch.id).toList());
        return page.map(launch -> overviewOf(launch, records.get(launch.id)));
    }

    public FeedbackSummary feedback(UUID id) {
        return feedback.summarise(find(id), clock.instant());
    }

    /** One page of the launch's status posts, newest first. */
    public Page<StatusPost> statusPosts(UUID id, PageRequest page) {
        find(id);
        return Page.of(StatusPost.of(id), page);
    }

    /** One page of the rules document's versions, oldest first. */
    public Page<RuleChange> ruleChanges(UUID id, PageRequest page) {
        find(id);
        return Page.of(RuleChange.of(id), page);
    }

    /** One page of who did what to the launch, and when, oldest first. */
    public Page<LaunchChange> auditTrail(UUID id, PageRequest page) {
        find(id);
        return Page.of(LaunchChange.trailOf(id), page);
    }

    private Overview overviewOf(Launch launch, LaunchRecords records) {
        return new Overview(launch, records, gates.evaluate(launch, records));
    }
}

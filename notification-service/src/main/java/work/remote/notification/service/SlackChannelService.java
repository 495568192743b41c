package work.remote.notification.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.notification.RateLimit;
import work.remote.notification.SlackChannel;
import work.remote.notification.config.NotificationConfig;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * Registers, changes and removes Slack channels. Problems name the invalid field, never the webhook URL it holds.
 */
@ApplicationScoped
public class SlackChannelService {

    /** A channel name as Slack shows it: {@code #} and up to 79 lowercase letters, digits, dots, dashes, underscores. */
    public static final String NAME_PATTERN = "#[a-z0-9._-]{1,79}";

    private final Clock clock;
    private final Event<ChannelReady> ready;
    private final NotificationConfig.RateLimit defaultLimit;
    private final WebhookDestinations destinations;

    /** A channel can be sent to under {@code name} from now on (registered, renamed, or given a new webhook). */
    public record ChannelReady(String name) {
    }

    @Inject
    public SlackChannelService(Clock clock, Event<ChannelReady> ready, NotificationConfig config,
            WebhookDestinations destinations) {
        this.clock = clock;
        this.ready = ready;
        this.defaultLimit = config.slack().rateLimit();
        this.destinations = destinations;
    }

    /** What ops ask for: a null webhook keeps the current one; null rate and burst take the defaults. */
    public record ChannelChange(String name, String webhookUrl, Double ratePerSecond, Integer burst,
            boolean unlimited) {
    }

    public Page<SlackChannel> list(PageRequest page) {
        return Page.of(SlackChannel.findAll(Sort.ascending("name")), page);
    }

    public SlackChannel get(UUID id) {
        SlackChannel channel = SlackChannel.findById(id);
        if (channel == null) {
            throw ProblemException.notFound("Slack channel", id);
        }
        return channel;
    }

    @Transactional
    public SlackChannel register(ChannelChange change) {
        List<Problem.Violation> violations = new ArrayList<>(limitViolations(change));
        if (change.webhookUrl() == null) {
            violations.add(new Problem.Violation("webhookUrl", "must be given to register a channel"));
        }
        rejectIfAny(violations);
        refuseTakenName(change.name(), null);
        SlackChannel channel = SlackChannel.register(change.name(), change.webhookUrl(), limitOf(change),
                clock.instant());
        channel.persist();
        ready.fire(new ChannelReady(channel.name));
        return channel;
    }

    @Transactional
    public SlackChannel change(UUID id, long expectedRevision, ChannelChange change) {
        rejectIfAny(limitViolations(change));
        SlackChannel channel = get(id);
        channel.requireRevision(expectedRevision);
        refuseTakenName(change.name(), id);
        channel.name = change.name();
        if (change.webhookUrl() != null) {
            channel.webhookUrl = change.webhookUrl();
        }
        channel.limitTo(limitOf(change));
        channel.updatedAt = clock.instant();
        SlackChannel.flush();
        ready.fire(new ChannelReady(channel.name));
        return channel;
    }

    @Transactional
    public void remove(UUID id) {
        get(id).delete();
    }

    /**
     * Registers the channel the environment gives a webhook for, or points it at that webhook; keeps its limit.
     *
     * @throws IllegalStateException when the webhook points where no webhook may, naming the channel, not the URL
     */
    @Transactional
    public void registerFromEnvironment(String name, String webhookUrl) {
        destinations.refusal(webhookUrl).ifPresent(refusal -> {
            throw new IllegalStateException("The webhook configured for Slack channel " + name + " is refused: it "
                    + refusal + " (notification.slack.webhook-url or notification.slack.webhooks)");
        });
        SlackChannel.named(name).ifPresentOrElse(channel -> channel.webhookUrl = webhookUrl,
                () -> SlackChannel.register(name, webhookUrl, defaultLimit(), clock.instant()).persist());
        ready.fire(new ChannelReady(name));
    }

    private RateLimit limitOf(ChannelChange change) {
        if (change.unlimited()) {
            return RateLimit.unlimited();
        }
        return new RateLimit(change.ratePerSecond() != null ? change.ratePerSecond() : defaultLimit.perSecond(),
                change.burst() != null ? change.burst() : defaultLimit.burst());
    }

    private RateLimit defaultLimit() {
        return new RateLimit(defaultLimit.perSecond(), defaultLimit.burst());
    }

    private List<Problem.Violation> limitViolations(ChannelChange change) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (change.unlimited() && change.ratePerSecond() != null) {
            violations.add(new Problem.Violation("ratePerSecond", "must be left out for an unlimited channel"));
        }
        if (change.webhookUrl() != null) {
            destinations.refusal(change.webhookUrl())
                    .ifPresent(refusal -> violations.add(new Problem.Violation("webhookUrl", refusal)));
        }
        return violations;
    }

    private static void rejectIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static void refuseTakenName(String name, UUID except) {
        SlackChannel.named(name).filter(other -> !other.id.equals(except)).ifPresent(other -> {
            throw ProblemException.conflict("channel-exists", "A channel of that name exists",
                    "Slack channel " + name + " is already registered as " + other.id);
        });
    }
}

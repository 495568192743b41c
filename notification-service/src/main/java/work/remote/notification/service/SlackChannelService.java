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
 * Registers, changes and removes Slack channels, each bound to an incoming webhook or to a bot token and a Slack
 * channel id. Problems name the invalid field, never the webhook URL or the token it holds.
 */
@ApplicationScoped
public class SlackChannelService {

    /** A channel name as Slack shows it: {@code #} and up to 79 lowercase letters, digits, dots, dashes, underscores. */
    public static final String NAME_PATTERN = "#[a-z0-9._-]{1,79}";
    /** A Slack bot token. */
    public static final String BOT_TOKEN_PATTERN = "xoxb-[A-Za-z0-9-]{1,250}";
    /** A Slack channel id: a public ({@code C…}) or private ({@code G…}) channel, never a direct message. */
    public static final String CHANNEL_ID_PATTERN = "[CG][A-Z0-9]{2,39}";

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

    /**
     * What ops ask for: a webhook, or a bot token with a Slack channel id (a channel id alone moves a bot channel);
     * none of them keeps the current binding; null rate and burst take the defaults.
     */
    public record ChannelChange(String name, String webhookUrl, String botToken, String slackChannelId,
            Double ratePerSecond, Integer burst, boolean unlimited) {

        boolean rebinds() {
            return webhookUrl != null || botToken != null || slackChannelId != null;
        }
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
        violations.addAll(bindingViolations(change, null));
        if (!change.rebinds()) {
            violations.add(new Problem.Violation("webhookUrl", "must be given to register a channel, unless "
                    + "botToken and channelId are"));
        }
        rejectIfAny(violations);
        refuseTakenName(change.name(), null);
        SlackChannel channel = change.botToken() != null
                ? SlackChannel.registerForBot(change.name(), change.botToken(), change.slackChannelId(),
                        limitOf(change), clock.instant())
                : SlackChannel.register(change.name(), change.webhookUrl(), limitOf(change), clock.instant());
        channel.persist();
        ready.fire(new ChannelReady(channel.name));
        return channel;
    }

    @Transactional
    public SlackChannel change(UUID id, long expectedRevision, ChannelChange change) {
        SlackChannel channel = get(id);
        List<Problem.Violation> violations = new ArrayList<>(limitViolations(change));
        violations.addAll(bindingViolations(change, channel));
        rejectIfAny(violations);
        channel.requireRevision(expectedRevision);
        refuseTakenName(change.name(), id);
        channel.name = change.name();
        if (change.webhookUrl() != null) {
            channel.bindToWebhook(change.webhookUrl());
        } else if (change.botToken() != null) {
            channel.bindToBot(change.botToken(), change.slackChannelId());
        } else if (change.slackChannelId() != null) {
            channel.slackChannelId = change.slackChannelId();
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
        SlackChannel.named(name).ifPresentOrElse(channel -> channel.bindToWebhook(webhookUrl),
                () -> SlackChannel.register(name, webhookUrl, defaultLimit(), clock.instant()).persist());
        ready.fire(new ChannelReady(name));
    }

    /**
     * Registers the channel the environment names with the bot token it gives, or binds it to them; keeps its limit.
     *
     * @throws IllegalStateException when the channel id is not one, naming the channel, never the token
     */
    @Transactional
    public void registerBotFromEnvironment(String name, String botToken, String slackChannelId) {
        if (!botToken.matches(BOT_TOKEN_PATTERN) || !slackChannelId.matches(CHANNEL_ID_PATTERN)) {
            throw new IllegalStateException("The bot channel configured as " + name + " is refused: the token must "
                    + "be a bot token (xoxb-…) and the channel an id like C0123ABCD (notification.slack.bot-token, "
                    + "notification.slack.bot-channels)");
        }
        SlackChannel.named(name).ifPresentOrElse(channel -> channel.bindToBot(botToken, slackChannelId),
                () -> SlackChannel.registerForBot(name, botToken, slackChannelId, defaultLimit(), clock.instant())
                        .persist());
        ready.fire(new ChannelReady(name));
    }

    /**
     * A channel is bound to a webhook or to a bot token and a channel id, never both; {@code current} is the channel
     * being changed (null when one is registered), whose bot binding a channel id alone may move.
     */
    private static List<Problem.Violation> bindingViolations(ChannelChange change, SlackChannel current) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (change.webhookUrl() != null && (change.botToken() != null || change.slackChannelId() != null)) {
            violations.add(new Problem.Violation(change.botToken() != null ? "botToken" : "channelId",
                    "must be left out with webhookUrl: a channel is bound to a webhook or to a bot token"));
        } else if (change.botToken() != null && change.slackChannelId() == null) {
            violations.add(new Problem.Violation("channelId", "must be given with botToken"));
        } else if (change.botToken() == null && change.slackChannelId() != null
                && (current == null || !current.isBoundToBot())) {
            violations.add(new Problem.Violation("botToken", "must be given with channelId"));
        }
        return violations;
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

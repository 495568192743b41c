package work.remote.ticket.slack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.model.view.View;

import work.remote.platform.caller.Caller;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketRoles;
import work.remote.ticket.TicketState;
import work.remote.ticket.rest.CreateTicketRequest;
import work.remote.ticket.service.LaunchSearch;
import work.remote.ticket.service.TicketService;

/**
 * What the Slack app does: {@code /report} and the message shortcut open the report modal, its submission files the
 * ticket, the buttons of the critical-issue message acknowledge or resolve it. Everything is done as the person the
 * Slack user is mapped to ({@link SlackPeople}), with that person's roles, through the same {@link TicketService}
 * calls as the REST API. A Slack user who is not mapped, or whose roles do not allow it, is told so privately and
 * nothing is written.
 */
@ApplicationScoped
public class SlackInteractions {

    private static final Logger LOG = Logger.getLogger(SlackInteractions.class);

    public static final String REPORT_COMMAND = "/report";
    /** The callback id of the message shortcut "Report as ticket". */
    public static final String REPORT_MESSAGE = "report_message";
    /** The action ids of the critical-issue message's buttons; their value is the ticket id. */
    public static final String ACKNOWLEDGE = "ticket.acknowledge";
    public static final String RESOLVE = "ticket.resolve";
    static final String RESOLVED_FROM_SLACK = "resolved from Slack";

    private final SlackWebApi slack;
    private final SlackPeople people;
    private final TicketService tickets;
    private final LaunchSearch launches;
    private final Validator validator;

    @Inject
    public SlackInteractions(SlackWebApi slack, SlackPeople people, TicketService tickets, LaunchSearch launches,
            Validator validator) {
        this.slack = slack;
        this.people = people;
        this.tickets = tickets;
        this.launches = launches;
        this.validator = validator;
    }

    /** A slash command: {@code /report [title]} opens the report modal, filed under the channel's live launch. */
    public void command(SlashCommandPayload command, Instant deadline) {
        String responseUrl = command.getResponseUrl();
        if (!REPORT_COMMAND.equals(command.getCommand())) {
            slack.tellPrivately(responseUrl, "I only know " + REPORT_COMMAND + " [title].");
            return;
        }
        asPerson(command.getUserId(), command.getUserName(), responseUrl, deadline, person -> {
            if (mayNot(person, TicketRoles.REPORT, "report tickets", responseUrl)) {
                return;
            }
            UUID parent = parentFor(command.getChannelId(), command.getChannelName());
            openModal(command.getTriggerId(), deadline, new ReportModal.Prefill(command.getText(), null, parent,
                    command.getChannelId(), null));
        });
    }

    /** The message shortcut "Report as ticket": the report modal, prefilled from the message, with its permalink. */
    public void messageShortcut(MessageShortcutPayload shortcut, Instant deadline) {
        String responseUrl = shortcut.getResponseUrl();
        if (!REPORT_MESSAGE.equals(shortcut.getCallbackId())) {
            return;
        }
        asPerson(shortcut.getUser().getId(), shortcut.getUser().getName(), responseUrl, deadline, person -> {
            if (mayNot(person, TicketRoles.REPORT, "report tickets", responseUrl)) {
                return;
            }
            String channel = shortcut.getChannel().getId();
            ChatGetPermalinkResponse permalink = slack.call("chat.getPermalink", deadline,
                    api -> api.chatGetPermalink(r -> r.channel(channel).messageTs(shortcut.getMessageTs())));
            String text = shortcut.getMessage() == null || shortcut.getMessage().getText() == null ? ""
                    : shortcut.getMessage().getText();
            String firstLine = text.strip().lines().findFirst().orElse("");
            openModal(shortcut.getTriggerId(), deadline, new ReportModal.Prefill(firstLine, text,
                    parentFor(channel, shortcut.getChannel().getName()), channel, permalink.getPermalink()));
        });
    }

    /** A button of the critical-issue message: acknowledge or resolve the ticket its value names. */
    public void blockActions(BlockActionPayload payload, Instant deadline) {
        String responseUrl = payload.getResponseUrl();
        List<BlockActionPayload.Action> actions = payload.getActions() == null ? List.of() : payload.getActions().stream()
                .filter(action -> ACKNOWLEDGE.equals(action.getActionId()) || RESOLVE.equals(action.getActionId()))
                .toList();
        if (actions.isEmpty()) {
            return;
        }
        asPerson(payload.getUser().getId(), payload.getUser().getName(), responseUrl, deadline, person -> {
            if (mayNot(person, TicketRoles.MOVE, "acknowledge or resolve tickets", responseUrl)) {
                return;
            }
            for (BlockActionPayload.Action action : actions) {
                UUID ticket = ticketId(action.getValue());
                if (ACKNOWLEDGE.equals(action.getActionId())) {
                    tickets.acknowledge(ticket, person);
                } else {
                    tickets.transition(ticket, new TicketService.Transition(TicketState.RESOLVED, RESOLVED_FROM_SLACK),
                            person);
                }
            }
        });
    }

    /**
     * The report modal submitted: the ticket is filed as the person, and the modal shows it; invalid fields are
     * answered {@code response_action: errors} under their blocks, with the messages the REST API gives.
     */
    public Map<String, Object> submission(ViewSubmissionPayload payload, Instant deadline) {
        View view = payload.getView();
        if (view == null || !ReportModal.CALLBACK_ID.equals(view.getCallbackId())) {
            return Map.of();
        }
        Optional<Caller> found;
        try {
            found = people.find(payload.getUser().getId(), payload.getUser().getName(), deadline);
        } catch (SlackWebApi.RateLimited | SlackWebApi.CallFailed e) {
            return ReportModal.replacedWith("Not filed", "Slack could not tell us who you are just now (" + e.getMessage()
                    + "). Nothing was filed: please try again.");
        }
        if (found.isEmpty()) {
            return ReportModal.replacedWith("Not filed", notMapped(payload.getUser().getId()));
        }
        Caller person = found.get();
        if (!person.hasAnyRole(TicketRoles.REPORT.toArray(String[]::new))) {
            return ReportModal.replacedWith("Not filed", mayNotText(person, TicketRoles.REPORT, "report tickets"));
        }
        ReportModal.Submission submission = ReportModal.read(view);
        List<Problem.Violation> violations = violationsOf(submission);
        if (!violations.isEmpty()) {
            return ReportModal.errors(violations);
        }
        Ticket ticket;
        try {
            ticket = tickets.report(submission.request().command(), person);
        } catch (ProblemException refused) {
            Problem problem = refused.toProblem(null);
            if (!problem.violations().isEmpty()) {
                return ReportModal.errors(problem.violations());
            }
            return ReportModal.replacedWith("Not filed", problem.detail());
        }
        String link = tickets.linkTo(ticket);
        return ReportModal.replacedWith("Ticket filed", "Filed <" + link + "|" + escape(ticket.title) + "> as "
                + ticket.severity + (ticket.resolveBy == null ? "." : ": it must be resolved by " + ticket.resolveBy
                        + "."));
    }

    /** The request's own violations, as {@code POST /tickets} reports them, beside the fields that were unreadable. */
    private List<Problem.Violation> violationsOf(ReportModal.Submission submission) {
        Set<String> unreadable = new TreeSet<>();
        submission.unreadable().forEach(violation -> unreadable.add(violation.field()));
        List<Problem.Violation> violations = new ArrayList<>(submission.unreadable());
        validator.validate(submission.request()).stream()
                .map(violation -> new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                .filter(violation -> !unreadable.contains(violation.field()))
                .forEach(violations::add);
        violations.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        return violations;
    }

    private void openModal(String triggerId, Instant deadline, ReportModal.Prefill prefill) {
        View modal = ReportModal.of(prefill);
        slack.call("views.open", deadline, api -> api.viewsOpen(r -> r.triggerId(triggerId).view(modal)));
    }

    private UUID parentFor(String channelId, String channelName) {
        List<String> names = channelName == null ? List.of(channelId) : List.of(channelId, channelName, "#" + channelName);
        return launches.parentTicketOfLiveLaunchIn(names).orElse(null);
    }

    /**
     * Runs {@code work} as the person Slack user {@code userId} is; tells them privately when they are not mapped
     * or when it is refused, Slack rate limits us beyond the time left, or Slack fails.
     */
    private void asPerson(String userId, String userName, String responseUrl, Instant deadline,
            Consumer<Caller> work) {
        try {
            Optional<Caller> person = people.find(userId, userName, deadline);
            if (person.isEmpty()) {
                slack.tellPrivately(responseUrl, notMapped(userId));
                return;
            }
            work.accept(person.get());
        } catch (ProblemException refused) {
            slack.tellPrivately(responseUrl, "Not done: " + refused.getMessage());
        } catch (SlackWebApi.RateLimited limited) {
            slack.tellPrivately(responseUrl, "Slack asked us to wait " + limited.retryAfter.toSeconds()
                    + " s, longer than Slack lets us take to answer. Nothing was done: please try again then.");
        } catch (SlackWebApi.CallFailed failed) {
            LOG.warnf("Slack interaction of %s not done: %s", userId, failed.getMessage());
            slack.tellPrivately(responseUrl, "Slack did not let us finish (" + failed.getMessage()
                    + "). Nothing was done: please try again.");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Slack interaction of %s failed", userId);
            slack.tellPrivately(responseUrl, "Something went wrong on our side. Nothing was done: please try again.");
        }
    }

    private boolean mayNot(Caller person, Set<String> allowed, String what, String responseUrl) {
        if (person.hasAnyRole(allowed.toArray(String[]::new))) {
            return false;
        }
        slack.tellPrivately(responseUrl, mayNotText(person, allowed, what));
        return true;
    }

    private static String mayNotText(Caller person, Set<String> allowed, String what) {
        return "You may not " + what + ": you act here as " + person + " with the role(s) "
                + new TreeSet<>(person.roles()) + ", and it takes one of " + new TreeSet<>(allowed) + ".";
    }

    static String notMapped(String userId) {
        return "You are not set up to use remote-work from Slack yet, so nothing was done. Ask an admin to add your "
                + "Slack user id " + userId + " (or your email address) to ticket.slack.people, with your person id "
                + "and roles.";
    }

    private static UUID ticketId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("Ticket", value);
        }
    }

    /** Slack's mrkdwn: &, < and > escaped, so a title cannot mention people or disguise a link. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package work.remote.ticket.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.LaunchStatusPosted.Phase;
import work.remote.events.ticket.TicketType;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.ticket.Actor;
import work.remote.ticket.Launch;
import work.remote.ticket.TrainingKit;
import work.remote.ticket.TrainingKit.BackOfficeOperation;
import work.remote.ticket.TrainingKit.ExpectedQuestion;
import work.remote.ticket.config.TicketConfig;

/**
 * The launch case of DESIGN.md, walked through the same service calls the API makes: product plans instant
 * withdrawals, confirms the final onboarding round, the CS team takes part, the kit is written, the training is
 * held and relayed to the agent who missed it, the launch starts, product posts the deployment status, and CS
 * files a question and a critical withdrawal problem under the parent feedback ticket.
 */
@ApplicationScoped
public class ExampleLaunch {

    static final String FEATURE = "Instant withdrawals";
    private static final Logger LOG = Logger.getLogger(ExampleLaunch.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Caller PRODUCT = Caller.of("paula", "product");
    private static final Caller LEAD = Caller.of("lena", "cs-lead");
    private static final Caller ALI = Caller.of("ali", "cs-agent");
    private static final Caller BO = Caller.of("bo", "cs-agent");
    private static final Caller CHEN = Caller.of("chen", "cs-agent");

    private final TicketConfig config;
    private final LaunchService launches;
    private final TicketService tickets;
    private final Links links;
    private final Clock clock;

    @Inject
    public ExampleLaunch(TicketConfig config, LaunchService launches, TicketService tickets, Links links,
            Clock clock) {
        this.config = config;
        this.launches = launches;
        this.tickets = tickets;
        this.links = links;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.seedExample() && Launch.count("feature", FEATURE) == 0) {
            Launch launch = walk();
            LOG.infof("Seeded the example launch %s: %s", FEATURE, links.to("launches", launch.id));
        }
    }

    Launch walk() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(ZONE)).plusDays(1);
        Launch launch = launches.plan(new LaunchService.Plan(FEATURE, tomorrow.atTime(LocalTime.of(9, 0)),
                ZONE.getId(), PRODUCT.id(), LEAD.id(), List.of(ALI.id(), BO.id(), CHEN.id()),
                "#cs-launch-instant-withdrawals", "https://docs.remote.work/rules/instant-withdrawals"), PRODUCT);
        launches.confirmFinalRound(launch.id, PRODUCT);
        takePart(launch, LEAD, "Do instant withdrawals cost a fee?");
        takePart(launch, ALI, "Can a user cancel an instant withdrawal?");
        takePart(launch, BO, "What is the daily limit?");
        takePart(launch, CHEN);
        launches.saveTrainingKit(launch.id, new TrainingKit(
                "Tomorrow 09:00 Europe/Berlin; the switch is flipped for all users at once",
                "During the 10-minute deployment withdrawals may fail with HTTP 500; afterwards new withdrawals arrive "
                        + "within seconds, older pending ones keep the old schedule",
                List.of(new ExpectedQuestion("Why is my withdrawal still pending?",
                        "Requests made before 09:00 follow the old schedule; new ones are instant"),
                        new ExpectedQuestion("Does it cost a fee?", "No fee for the first month")),
                List.of(new BackOfficeOperation("Retry a stuck withdrawal", "CS lead",
                        "Back office > Withdrawals > Retry, after checking the ledger entry"),
                        new BackOfficeOperation("Refund a failed withdrawal fee", "CS agent",
                                "Back office > Fees > Refund, with the ticket link as the reason")),
                "Anything about users' money: a BUG under the parent feedback ticket, link in "
                        + "#cs-launch-instant-withdrawals, never a private message"), null, PRODUCT);
        launches.recordTraining(launch.id, new LaunchService.TrainingHeld(null,
                List.of(LEAD.id(), ALI.id(), BO.id()), List.of(CHEN.id())), Actor.of(LEAD));
        launches.recordRelay(launch.id, CHEN.id(), null, Actor.of(LEAD));
        Launch live = launches.start(launch.id, LaunchService.Start.WITH_GATES_PASSED, PRODUCT);
        launches.postStatus(launch.id, new LaunchService.StatusUpdate(Phase.DEPLOYING, "Deploying instant withdrawals",
                List.of("HTTP 500s possible", "withdrawals unavailable for up to 10 minutes")), PRODUCT);
        tickets.report(new TicketService.Report("User asks whether the fee applies to old withdrawals", null,
                TicketType.QUESTION, Impact.NONE, null, 1, live.parentTicketId, List.of()), ALI);
        tickets.report(new TicketService.Report("Withdrawal stuck for user 42", "Error W-17 since the deployment",
                TicketType.BUG, Impact.WITHDRAWAL_BLOCKED, "The withdrawal button spins, then fails", 1, live.parentTicketId,
                List.of()), BO);
        return live;
    }

    private void takePart(Launch launch, Caller agent, String... userQuestions) {
        launches.recordParticipation(launch.id, new LaunchService.Participation(null, List.of(userQuestions)), agent);
    }
}

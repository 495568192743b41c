package work.remote.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import work.remote.events.meeting.ActionItem;
import work.remote.events.meeting.ActionItemOverdue;
import work.remote.events.meeting.AgendaItem;
import work.remote.events.meeting.FeedbackItem;
import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.ParkingLotItemRecorded;
import work.remote.events.meeting.RelayAcknowledged;
import work.remote.events.meeting.RelayRequested;
import work.remote.events.meeting.RetrospectiveCompleted;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.events.process.AdoptionFeedbackRequested;
import work.remote.events.process.Assignee;
import work.remote.events.process.ChecklistAssigned;
import work.remote.events.process.ChecklistCompleted;
import work.remote.events.process.ChecklistItem;
import work.remote.events.process.Participant;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.process.Role;
import work.remote.events.process.RolloutStarted;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.EscalationReason;
import work.remote.events.ticket.Gate;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchGatePassed;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.LaunchState;
import work.remote.events.ticket.LaunchStatusPosted;
import work.remote.events.ticket.RuleChanged;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.events.ticket.TicketCommented;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketResolved;
import work.remote.events.ticket.TicketStatus;
import work.remote.events.ticket.TicketStatusChanged;
import work.remote.events.ticket.TicketType;

/**
 * One realistic instance of every event type, taken from the playbook's worked example: the process
 * "How a new feature launch is coordinated between product and customer support" and the launch of
 * instant withdrawals to bank cards. Every field is filled, optional ones included, so that a template
 * or a schema check that uses a sample sees every field. Values are fixed: the same call returns an
 * equal event.
 */
public final class EventSamples {

    public static final UUID PROCESS_ID = UUID.fromString("3b8f9a62-1c4d-4e8b-9f27-6a1d2c3e4f50");
    public static final UUID ROLLOUT_ID = UUID.fromString("7c2e5d14-9b3a-4f61-8e0d-5a4b3c2d1e60");
    public static final UUID CHECKLIST_ID = UUID.fromString("a1d4e7f0-2b5c-4d8e-9f10-3c6d9e2f5a70");
    public static final UUID DISCUSSION_ID = UUID.fromString("c4f7a0b3-5e8d-4a1b-8c2d-6f9a2b5c8d80");
    public static final UUID RETROSPECTIVE_ID = UUID.fromString("d5a8b1c4-6f9e-4b2c-9d3e-7a0b3c6d9e90");
    public static final UUID RELAY_ID = UUID.fromString("e6b9c2d5-7a0f-4c3d-8e4f-8b1c4d7e0fa0");
    public static final UUID PARKING_LOT_ITEM_ID = UUID.fromString("f7c0d3e6-8b1a-4d4e-9f5a-9c2d5e8f1ab0");
    public static final UUID ACTION_ITEM_ID = UUID.fromString("08d1e4f7-9c2b-4e5f-8a6b-0d3e6f9a2bc0");
    public static final UUID LAUNCH_ID = UUID.fromString("19e2f5a8-0d3c-4f6a-9b7c-1e4f7a0b3cd0");
    public static final UUID PARENT_TICKET_ID = UUID.fromString("2af3a6b9-1e4d-4a7b-8c8d-2f5a8b1c4de0");
    public static final UUID TICKET_ID = UUID.fromString("3ba4b7ca-2f5e-4b8c-9d9e-3a6b9c2d5ef0");
    public static final UUID DELIVERY_ID = UUID.fromString("4cb5c8db-3a6f-4c9d-8eaf-4b7cad3e6f01");
    public static final UUID SOURCE_EVENT_ID = UUID.fromString("5dc6d9ec-4b7a-4dae-9fb0-5c8dbe4f7a12");

    private static final String PROCESS_KEY = "feature-launch";
    private static final String PROCESS_TITLE = "How a new feature launch is coordinated between product and customer support";
    private static final String FEATURE = "Instant withdrawals to bank cards";
    private static final String CS_CHANNEL = "#cs-launch-instant-withdrawals";
    private static final String RULES_DOCUMENT = "https://docs.remote.work/launches/instant-withdrawals/rules";
    private static final String TICKET_TITLE = "Withdrawal to bank card fails with E1043";

    private static final String HEAD_OF_PRODUCT = "zhang.min";
    private static final String PRODUCT_OWNER = "li.wei";
    private static final String DEVELOPER = "raj.patel";
    private static final String CS_LEAD = "maria.santos";
    private static final List<String> CS_AGENTS = List.of("ahmed.khan", "sofia.rossi", "tom.becker");
    private static final String OPS = "olga.ivanova";

    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");

    private static final Map<Class<? extends DomainEvent>, Supplier<? extends DomainEvent>> FACTORIES = Map.ofEntries(
            Map.entry(ProcessDrafted.class, EventSamples::processDrafted),
            Map.entry(ProcessReviewRequested.class, EventSamples::processReviewRequested),
            Map.entry(ProcessPublished.class, EventSamples::processPublished),
            Map.entry(ProcessRetired.class, EventSamples::processRetired),
            Map.entry(RolloutStarted.class, EventSamples::rolloutStarted),
            Map.entry(ChecklistAssigned.class, EventSamples::checklistAssigned),
            Map.entry(ChecklistCompleted.class, EventSamples::checklistCompleted),
            Map.entry(AdoptionFeedbackRequested.class, EventSamples::adoptionFeedbackRequested),
            Map.entry(MeetingScheduled.class, EventSamples::meetingScheduled),
            Map.entry(MeetingConcluded.class, EventSamples::meetingConcluded),
            Map.entry(RelayRequested.class, EventSamples::relayRequested),
            Map.entry(RelayAcknowledged.class, EventSamples::relayAcknowledged),
            Map.entry(ParkingLotItemRecorded.class, EventSamples::parkingLotItemRecorded),
            Map.entry(RetrospectiveCompleted.class, EventSamples::retrospectiveCompleted),
            Map.entry(ActionItemOverdue.class, EventSamples::actionItemOverdue),
            Map.entry(LaunchPlanned.class, EventSamples::launchPlanned),
            Map.entry(LaunchGatePassed.class, EventSamples::launchGatePassed),
            Map.entry(LaunchStarted.class, EventSamples::launchStarted),
            Map.entry(LaunchStatusPosted.class, EventSamples::launchStatusPosted),
            Map.entry(RuleChanged.class, EventSamples::ruleChanged),
            Map.entry(LaunchClosed.class, EventSamples::launchClosed),
            Map.entry(TicketOpened.class, EventSamples::ticketOpened),
            Map.entry(CriticalIssueReported.class, EventSamples::criticalIssueReported),
            Map.entry(SlaAtRisk.class, EventSamples::slaAtRisk),
            Map.entry(SlaBreached.class, EventSamples::slaBreached),
            Map.entry(TicketResolved.class, EventSamples::ticketResolved),
            Map.entry(TicketStatusChanged.class, EventSamples::ticketStatusChanged),
            Map.entry(TicketCommented.class, EventSamples::ticketCommented),
            Map.entry(CriticalIssueEscalated.class, EventSamples::criticalIssueEscalated),
            Map.entry(NotificationDelivered.class, EventSamples::notificationDelivered),
            Map.entry(NotificationDead.class, EventSamples::notificationDead));

    private EventSamples() {
    }

    /** The sample of one event type of {@link EventCatalog#all()}. */
    public static <E extends DomainEvent> E of(Class<E> type) {
        Supplier<? extends DomainEvent> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("No sample for " + type.getName());
        }
        return type.cast(factory.get());
    }

    /** A sample of every event type, in {@link EventCatalog#all()} order. */
    public static List<DomainEvent> all() {
        return EventCatalog.all().stream().<DomainEvent>map(EventSamples::of).toList();
    }

    // process

    public static ProcessDrafted processDrafted() {
        return new ProcessDrafted(PROCESS_ID, PROCESS_KEY, PROCESS_TITLE, PRODUCT_OWNER, 1,
                "Agents post child-ticket links in the CS channel instead of sending them privately",
                PRODUCT_OWNER, T0, processLink());
    }

    public static ProcessReviewRequested processReviewRequested() {
        return new ProcessReviewRequested(PROCESS_ID, PROCESS_KEY, PROCESS_TITLE, PRODUCT_OWNER,
                List.of(new Participant(PRODUCT_OWNER, "product", HEAD_OF_PRODUCT),
                        new Participant(DEVELOPER, "R&D", HEAD_OF_PRODUCT),
                        new Participant(CS_LEAD, "CS", null),
                        new Participant(CS_AGENTS.get(0), "CS", CS_LEAD),
                        new Participant(CS_AGENTS.get(1), "CS", CS_LEAD),
                        new Participant(CS_AGENTS.get(2), "CS", CS_LEAD),
                        new Participant(OPS, "ops", HEAD_OF_PRODUCT)),
                T0.plus(Duration.ofHours(1)), processLink(), true);
    }

    public static ProcessPublished processPublished() {
        return new ProcessPublished(PROCESS_ID, PROCESS_KEY, 2, PROCESS_TITLE, PRODUCT_OWNER,
                List.of(new Role("Product owner", "product"), new Role("CS lead", "customer support"),
                        new Role("CS agent", "customer support"), new Role("On-call engineer", null)),
                "Agents post child-ticket links in the CS channel; money issues go to product at once",
                PRODUCT_OWNER, T0.plus(Duration.ofDays(3)),
                "Walked through on the incident call with CS; the money-issue step cannot wait for a rehearsal",
                processLink() + "/versions/2");
    }

    public static ProcessRetired processRetired() {
        return new ProcessRetired(PROCESS_ID, PROCESS_KEY, PROCESS_TITLE, 2,
                "Replaced by the release train process", HEAD_OF_PRODUCT, T0.plus(Duration.ofDays(180)), processLink());
    }

    public static RolloutStarted rolloutStarted() {
        return new RolloutStarted(ROLLOUT_ID, PROCESS_ID, PROCESS_KEY, 2, PROCESS_TITLE,
                List.of(new Assignee(PRODUCT_OWNER, "Product owner"), new Assignee(CS_LEAD, "CS lead"),
                        new Assignee(CS_AGENTS.get(0), "CS agent"), new Assignee(CS_AGENTS.get(1), "CS agent"),
                        new Assignee(CS_AGENTS.get(2), "CS agent")),
                PRODUCT_OWNER, T0.plus(Duration.ofDays(4)), rolloutLink());
    }

    public static ChecklistAssigned checklistAssigned() {
        return new ChecklistAssigned(CHECKLIST_ID, ROLLOUT_ID, PROCESS_ID, PROCESS_KEY, 2, PROCESS_TITLE,
                CS_AGENTS.get(0), "CS agent",
                List.of(new ChecklistItem("onboarding-test", "Take part in the final onboarding round as a user", false),
                        new ChecklistItem("training", "Attend the launch training, or get it relayed by your lead", false),
                        new ChecklistItem("file-child-ticket",
                                "Open a child ticket under the parent feedback ticket and post its link in the CS channel", true),
                        new ChecklistItem("report-money-issue",
                                "Report any withdrawal or trading problem to product at once, in the channel", true)),
                T0.plus(Duration.ofDays(4)), checklistLink());
    }

    public static ChecklistCompleted checklistCompleted() {
        return new ChecklistCompleted(CHECKLIST_ID, ROLLOUT_ID, PROCESS_ID, PROCESS_KEY, 2, PROCESS_TITLE,
                CS_AGENTS.get(0), "CS agent", 4, T0.plus(Duration.ofDays(9)), checklistLink());
    }

    public static AdoptionFeedbackRequested adoptionFeedbackRequested() {
        Instant started = T0.plus(Duration.ofDays(4));
        Instant followUp = started.plus(Duration.ofDays(14));
        return new AdoptionFeedbackRequested(ROLLOUT_ID, PROCESS_ID, PROCESS_KEY, 2, PROCESS_TITLE, CS_AGENTS.get(1),
                "Sofia Rossi", "CS agent", started, followUp, followUp.plusSeconds(40),
                rolloutLink() + "/adoption-feedback");
    }

    // meeting

    public static MeetingScheduled meetingScheduled() {
        return new MeetingScheduled(DISCUSSION_ID, MeetingKind.DISCUSSION, processSubject(1),
                "Feature launch process: discussion (CS)", PRODUCT_OWNER, T0.plus(Duration.ofHours(23)), 40,
                "Europe/Berlin", "https://meet.remote.work/feature-launch-cs-1", processLink(), 1, 2,
                List.of(new Invitee(PRODUCT_OWNER, "product", HEAD_OF_PRODUCT),
                        new Invitee(CS_LEAD, "CS", null),
                        new Invitee(CS_AGENTS.get(0), "CS", CS_LEAD),
                        new Invitee(CS_AGENTS.get(1), "CS", CS_LEAD),
                        new Invitee(CS_AGENTS.get(2), "CS", CS_LEAD)),
                List.of(new AgendaItem(AgendaItem.Phase.PRESENTATION, "The flow and what each role does", 8),
                        new AgendaItem(AgendaItem.Phase.READING, "Read the process outline and your role's duties", 5),
                        new AgendaItem(AgendaItem.Phase.PARKING_LOT, "Should CS get a read-only view of the back office?", 5),
                        new AgendaItem(AgendaItem.Phase.DISCUSSION, "Questions and discussion", 22)),
                meetingLink(DISCUSSION_ID));
    }

    public static MeetingConcluded meetingConcluded() {
        Instant start = T0.plus(Duration.ofHours(23));
        return new MeetingConcluded(DISCUSSION_ID, MeetingKind.DISCUSSION, processSubject(1),
                "Feature launch process: discussion (CS)", PRODUCT_OWNER, start, start.plus(Duration.ofMinutes(42)),
                List.of(new Invitee(PRODUCT_OWNER, "product", HEAD_OF_PRODUCT),
                        new Invitee(CS_LEAD, "CS", null),
                        new Invitee(CS_AGENTS.get(0), "CS", CS_LEAD),
                        new Invitee(CS_AGENTS.get(2), "CS", CS_LEAD)),
                List.of(new Invitee(CS_AGENTS.get(1), "CS", CS_LEAD)),
                List.of("Child-ticket links are posted in the CS channel, never in private messages"),
                List.of(new FeedbackItem(CS_AGENTS.get(0), FeedbackItem.Kind.QUESTION, "step:file-child-ticket",
                                "Which ticket type do we use for a user who cannot find the new button?"),
                        new FeedbackItem(CS_LEAD, FeedbackItem.Kind.SUGGESTION, "field:who",
                                "Name the on-call engineer for the launch day in the outline")),
                meetingLink(DISCUSSION_ID));
    }

    public static RelayRequested relayRequested() {
        return new RelayRequested(RELAY_ID, DISCUSSION_ID, MeetingKind.DISCUSSION, processSubject(1),
                "Feature launch process: discussion (CS)", CS_AGENTS.get(1), CS_LEAD,
                T0.plus(Duration.ofHours(24)), relayLink());
    }

    public static RelayAcknowledged relayAcknowledged() {
        return new RelayAcknowledged(RELAY_ID, DISCUSSION_ID, MeetingKind.DISCUSSION, processSubject(1),
                "Feature launch process: discussion (CS)", CS_AGENTS.get(1), CS_LEAD,
                "Walked Sofia through the decisions in our 1:1", T0.plus(Duration.ofHours(30)), relayLink());
    }

    public static ParkingLotItemRecorded parkingLotItemRecorded() {
        return new ParkingLotItemRecorded(PARKING_LOT_ITEM_ID, DISCUSSION_ID, processSubject(1), CS_AGENTS.get(2),
                "Offer users a status page during launches", PRODUCT_OWNER,
                T0.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(31)),
                meetingLink(DISCUSSION_ID) + "/parking-lot/" + PARKING_LOT_ITEM_ID);
    }

    public static RetrospectiveCompleted retrospectiveCompleted() {
        return new RetrospectiveCompleted(RETROSPECTIVE_ID, processSubject(2),
                "After-action review: instant withdrawals launch", PRODUCT_OWNER,
                "Launch within 30 minutes, no money issue unresolved for more than an hour",
                "A withdrawal failure blocked 12 users for 2 hours 10 minutes",
                "The back-office retry operation was not in the training kit, so CS escalated instead of retrying",
                List.of("Parent feedback ticket opened before the launch", "Status posts every 15 minutes"),
                List.of("List every back-office operation in the training kit"),
                List.of(new ActionItem(ACTION_ITEM_ID, "Add back-office operations to the training kit template",
                        PRODUCT_OWNER, LocalDate.of(2025, 6, 30))),
                T0.plus(Duration.ofDays(16)), meetingLink(RETROSPECTIVE_ID));
    }

    public static ActionItemOverdue actionItemOverdue() {
        return new ActionItemOverdue(ACTION_ITEM_ID, RETROSPECTIVE_ID, processSubject(2),
                "Add back-office operations to the training kit template", PRODUCT_OWNER, LocalDate.of(2025, 6, 30),
                meetingLink(RETROSPECTIVE_ID) + "/action-items/" + ACTION_ITEM_ID);
    }

    // ticket

    public static LaunchPlanned launchPlanned() {
        return new LaunchPlanned(LAUNCH_ID, FEATURE, T0.plus(Duration.ofDays(14)), "Asia/Singapore", PRODUCT_OWNER,
                CS_LEAD, CS_AGENTS, CS_CHANNEL, RULES_DOCUMENT, T0.plus(Duration.ofDays(5)), launchLink());
    }

    public static LaunchGatePassed launchGatePassed() {
        return new LaunchGatePassed(LAUNCH_ID, FEATURE, Gate.TRAINING_KIT_COMPLETE, LaunchState.TRAINING,
                List.of(Gate.TRAINING_DELIVERED), PRODUCT_OWNER, T0.plus(Duration.ofDays(11)), launchLink());
    }

    public static LaunchStarted launchStarted() {
        return new LaunchStarted(LAUNCH_ID, FEATURE, PARENT_TICKET_ID, ticketLink(PARENT_TICKET_ID), CS_CHANNEL,
                RULES_DOCUMENT, "admin.kim", T0.plus(Duration.ofDays(14)), List.of(Gate.TRAINING_DELIVERED),
                "Tom is on leave until Friday; his lead relays the training on his first day back", launchLink());
    }

    public static LaunchStatusPosted launchStatusPosted() {
        return new LaunchStatusPosted(LAUNCH_ID, FEATURE, LaunchStatusPosted.Phase.DEPLOYING,
                "Deploying the withdrawal service, 2 of 6 nodes done",
                List.of("HTTP 500s possible on the withdrawal page", "Instant withdrawals unavailable for up to 10 minutes"),
                CS_CHANNEL, PRODUCT_OWNER, T0.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(5)), launchLink());
    }

    public static RuleChanged ruleChanged() {
        return new RuleChanged(LAUNCH_ID, FEATURE, "Daily instant-withdrawal limit lowered from 5,000 to 2,000 USD",
                4, RULES_DOCUMENT + "?version=4", CS_CHANNEL, PRODUCT_OWNER,
                T0.plus(Duration.ofDays(14)).plus(Duration.ofHours(2)), launchLink());
    }

    public static LaunchClosed launchClosed() {
        return new LaunchClosed(LAUNCH_ID, FEATURE, PRODUCT_OWNER, CS_LEAD, CS_AGENTS, T0.plus(Duration.ofDays(14)),
                T0.plus(Duration.ofDays(15)), PRODUCT_OWNER, 9, 1, 0, 0, launchLink());
    }

    public static TicketOpened ticketOpened() {
        return new TicketOpened(TICKET_ID, LAUNCH_ID, PARENT_TICKET_ID, TICKET_TITLE, TicketType.BUG,
                Severity.CRITICAL, Impact.WITHDRAWAL_BLOCKED, 1, CS_AGENTS.get(0), reportedAt(), ticketLink(TICKET_ID));
    }

    public static CriticalIssueReported criticalIssueReported() {
        return new CriticalIssueReported(TICKET_ID, LAUNCH_ID, TICKET_TITLE, Impact.WITHDRAWAL_BLOCKED,
                "Instant withdrawal to a Visa card is rejected with E1043; the balance is not debited", 1,
                CS_AGENTS.get(0), reportedAt(), reportedAt().plus(Duration.ofHours(3)), ticketLink(TICKET_ID));
    }

    public static SlaAtRisk slaAtRisk() {
        return new SlaAtRisk(TICKET_ID, LAUNCH_ID, TICKET_TITLE, Impact.WITHDRAWAL_BLOCKED, DEVELOPER, reportedAt(),
                reportedAt().plus(Duration.ofHours(3)), 60, ticketLink(TICKET_ID));
    }

    public static SlaBreached slaBreached() {
        return new SlaBreached(TICKET_ID, LAUNCH_ID, TICKET_TITLE, Impact.WITHDRAWAL_BLOCKED, DEVELOPER, reportedAt(),
                reportedAt().plus(Duration.ofHours(3)), ticketLink(TICKET_ID));
    }

    public static TicketResolved ticketResolved() {
        return new TicketResolved(TICKET_ID, LAUNCH_ID, PARENT_TICKET_ID, TICKET_TITLE, TicketType.BUG, Severity.CRITICAL,
                "Card issuer BIN list refreshed; failed withdrawals retried from the back office", DEVELOPER, reportedAt(),
                reportedAt().plus(Duration.ofMinutes(130)), true, ticketLink(TICKET_ID));
    }

    public static TicketStatusChanged ticketStatusChanged() {
        return new TicketStatusChanged(TICKET_ID, LAUNCH_ID, TICKET_TITLE, Severity.CRITICAL, TicketStatus.OPEN,
                TicketStatus.IN_PROGRESS, DEVELOPER, true, "On it: looking at the card issuer's BIN list", DEVELOPER,
                reportedAt().plus(Duration.ofMinutes(6)), reportedAt().plus(Duration.ofHours(3)), ticketLink(TICKET_ID));
    }

    public static TicketCommented ticketCommented() {
        return new TicketCommented(TICKET_ID, LAUNCH_ID, TICKET_TITLE, Severity.CRITICAL,
                UUID.fromString("7c1e0a52-3d4b-4e8f-9a61-0b2c3d4e5f60"), DEVELOPER,
                "Reproduced with a test card; the BIN list is a day old", reportedAt().plus(Duration.ofMinutes(20)),
                ticketLink(TICKET_ID));
    }

    public static CriticalIssueEscalated criticalIssueEscalated() {
        return new CriticalIssueEscalated(TICKET_ID, LAUNCH_ID, TICKET_TITLE, Impact.WITHDRAWAL_BLOCKED, 1,
                EscalationReason.UNACKNOWLEDGED, DEVELOPER, reportedAt(), reportedAt().plus(Duration.ofHours(3)),
                reportedAt().plus(Duration.ofMinutes(15)), ticketLink(TICKET_ID));
    }

    // notification

    public static NotificationDelivered notificationDelivered() {
        return new NotificationDelivered(DELIVERY_ID, SOURCE_EVENT_ID, "work.remote.ticket.CriticalIssueReported",
                TICKET_ID.toString(), Channel.SLACK, "#product-alerts", 2,
                reportedAt().plus(Duration.ofSeconds(3)), deliveryLink());
    }

    public static NotificationDead notificationDead() {
        return new NotificationDead(DELIVERY_ID, SOURCE_EVENT_ID, "work.remote.ticket.CriticalIssueReported",
                TICKET_ID.toString(), Channel.EMAIL, "product-team@remote.work", 5,
                "SMTP 451 4.3.0 Mail server temporarily rejected message", reportedAt().plus(Duration.ofMinutes(31)),
                deliveryLink());
    }

    private static MeetingSubject processSubject(int version) {
        return MeetingSubject.process(PROCESS_ID, PROCESS_TITLE, version);
    }

    private static Instant reportedAt() {
        return T0.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(47));
    }

    private static String processLink() {
        return "http://localhost:8081/processes/" + PROCESS_ID;
    }

    private static String rolloutLink() {
        return processLink() + "/rollouts/" + ROLLOUT_ID;
    }

    private static String checklistLink() {
        return rolloutLink() + "/checklists/" + CHECKLIST_ID;
    }

    private static String meetingLink(UUID meetingId) {
        return "http://localhost:8082/meetings/" + meetingId;
    }

    private static String relayLink() {
        return "http://localhost:8082/relays/" + RELAY_ID;
    }

    private static String launchLink() {
        return "http://localhost:8083/launches/" + LAUNCH_ID;
    }

    private static String ticketLink(UUID ticketId) {
        return "http://localhost:8083/tickets/" + ticketId;
    }

    private static String deliveryLink() {
        return "http://localhost:8084/deliveries/" + DELIVERY_ID;
    }
}

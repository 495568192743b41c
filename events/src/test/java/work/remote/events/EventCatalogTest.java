package work.remote.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog, the CloudEvents identity of each type, and the subject and Kafka key of each event. */
class EventCatalogTest {

    /** DESIGN.md's first set of events. */
    private static final List<String> DESIGN_FIRST_SET = List.of("ProcessDrafted", "ProcessReviewRequested",
            "ProcessPublished", "ProcessRetired", "RolloutStarted", "ChecklistAssigned", "ChecklistCompleted",
            "MeetingScheduled", "MeetingConcluded", "RelayRequested", "RelayAcknowledged", "ParkingLotItemRecorded",
            "RetrospectiveCompleted", "ActionItemOverdue", "LaunchPlanned", "LaunchGatePassed", "LaunchStarted",
            "LaunchStatusPosted", "RuleChanged", "LaunchClosed", "TicketOpened", "CriticalIssueReported", "SlaAtRisk",
            "SlaBreached", "TicketResolved", "NotificationDelivered", "NotificationDead");

    /** What the Slack app added: a ticket's moves and comments land in the thread of its message, and escalations. */
    private static final List<String> SLACK_NATIVE_SET = List.of("TicketStatusChanged", "TicketCommented",
            "CriticalIssueEscalated");

    /** What the playbook walk-through (issue 15) added: the Check step's nudge to give adoption feedback. */
    private static final List<String> WALK_THROUGH_SET = List.of("AdoptionFeedbackRequested");

    private static final Set<String> TICKET_SCOPED = Set.of("TicketOpened", "CriticalIssueReported", "SlaAtRisk",
            "SlaBreached", "TicketResolved", "TicketStatusChanged", "TicketCommented", "CriticalIssueEscalated");

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @Test
    void catalogHoldsDesignsFirstSetOfEventsTheSlackNativeOnesAndTheWalkThroughs() {
        assertThat(EventCatalog.all()).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrderElementsOf(Stream.of(DESIGN_FIRST_SET, SLACK_NATIVE_SET, WALK_THROUGH_SET)
                        .flatMap(List::stream).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void catalogListsEveryEventRecordOfTheContextPackages() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        for (String context : EventCatalog.contexts()) {
            String packageName = DomainEvent.class.getPackageName() + "." + context;
            URL directory = getClass().getClassLoader().getResource(packageName.replace('.', '/'));
            assertThat(directory).isNotNull();
            List<String> classNames;
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                classNames = files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".class"))
                        .map(name -> packageName + "." + name.substring(0, name.length() - ".class".length()))
                        .toList();
            }
            for (String className : classNames) {
                Class<?> type = Class.forName(className);
                if (DomainEvent.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }

        assertThat(found).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
        assertThat(EventCatalog.all()).allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void ceTypeSourceTopicAndSchemaAreDerivedFromThePackage(Class<? extends DomainEvent> type) {
        String context = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
        EventType eventType = EventType.of(type);

        assertThat(eventType.context()).isIn("process", "meeting", "ticket", "notification").isEqualTo(context);
        assertThat(eventType.ceType()).isEqualTo("work.remote." + context + "." + type.getSimpleName());
        assertThat(eventType.source()).isEqualTo("/" + context + "-service");
        assertThat(eventType.topic()).isEqualTo("remote-work." + context + ".events");
        assertThat(eventType.schemaResource()).isEqualTo("schemas/" + context + "/" + type.getSimpleName() + ".json");
        assertThat(EventType.parse(eventType.ceType())).isEqualTo(eventType);
        assertThat(EventCatalog.byCeType(eventType.ceType())).contains(type);
    }

    @Test
    void anUnknownCeTypeHasNoEventClass() {
        assertThat(EventCatalog.byCeType("work.remote.ticket.TicketEaten")).isEmpty();
        assertThat(EventCatalog.byCeType("com.example.ticket.TicketOpened")).isEmpty();
        assertThat(EventCatalog.byCeType("")).isEmpty();
        assertThat(EventCatalog.byCeType(null)).isEmpty();
    }

    @Test
    void eachServiceContextHasItsEvents() {
        assertThat(EventCatalog.contexts()).containsExactly("process", "meeting", "ticket", "notification");
        assertThat(EventCatalog.ofContext("process")).hasSize(8);
        assertThat(EventCatalog.ofContext("meeting")).hasSize(7);
        assertThat(EventCatalog.ofContext("ticket")).hasSize(14);
        assertThat(EventCatalog.ofContext("notification")).hasSize(2);
        assertThat(EventCatalog.ofContext("billing")).isEmpty();
        assertThat(EventCatalog.contexts().stream().flatMap(context -> EventCatalog.ofContext(context).stream()))
                .containsExactlyElementsOf(EventCatalog.all());
    }

    @Test
    void thereIsOneFixedSampleOfEveryType() {
        assertThat(EventSamples.all()).extracting(Object::getClass).containsExactlyElementsOf(EventCatalog.all());
        assertThat(EventSamples.all()).isEqualTo(EventSamples.all());
        assertThatThrownBy(() -> EventSamples.of(UnlistedEvent.class)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> subjectsAndKeys() {
        String process = EventSamples.PROCESS_ID.toString();
        String discussion = EventSamples.DISCUSSION_ID.toString();
        String retrospective = EventSamples.RETROSPECTIVE_ID.toString();
        String launch = EventSamples.LAUNCH_ID.toString();
        String ticket = EventSamples.TICKET_ID.toString();
        String delivery = EventSamples.DELIVERY_ID.toString();
        return EventCatalog.all().stream().map(type -> {
            String name = type.getSimpleName();
            return switch (EventType.of(type).context()) {
                case "process" -> Arguments.of(type, process, process);
                case "meeting" -> name.equals("RetrospectiveCompleted") || name.equals("ActionItemOverdue")
                        ? Arguments.of(type, retrospective, retrospective)
                        : Arguments.of(type, discussion, discussion);
                case "ticket" -> TICKET_SCOPED.contains(name) ? Arguments.of(type, ticket, launch)
                        : Arguments.of(type, launch, launch);
                case "notification" -> Arguments.of(type, delivery, delivery);
                default -> throw new IllegalStateException(name);
            };
        });
    }

    /** DESIGN.md: ce_subject = the aggregate id; Kafka key = process id; meeting id; launch id. */
    @ParameterizedTest
    @MethodSource("subjectsAndKeys")
    void subjectIsTheAggregateAndKeyIsWhatOrderMattersFor(Class<? extends DomainEvent> type, String subject, String key) {
        DomainEvent sample = EventSamples.of(type);

        assertThat(sample.eventSubject()).isEqualTo(subject);
        assertThat(sample.orderingKey()).isEqualTo(key);
    }

    /** DESIGN.md: the ticket id is the key for tickets outside a launch. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void aTicketOutsideALaunchIsKeyedByTheTicket(Class<? extends DomainEvent> type) throws Throwable {
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        boolean ticketScoped = TICKET_SCOPED.contains(type.getSimpleName());
        assertThat(components.contains("ticketId") && components.contains("launchId")).isEqualTo(ticketScoped);
        if (!ticketScoped) {
            return;
        }
        Record withLaunch = (Record) EventSamples.of(type);
        Record outside = EventContract.copyWith(withLaunch, components.indexOf("launchId"), null);
        if (components.contains("parentTicketId")) {
            outside = EventContract.copyWith(outside, components.indexOf("parentTicketId"), null);
        }
        DomainEvent event = (DomainEvent) outside;

        assertThat(event.eventSubject()).isEqualTo(EventSamples.TICKET_ID.toString());
        assertThat(event.orderingKey()).isEqualTo(EventSamples.TICKET_ID.toString());
        assertThat(EventContract.validate(type, EventContract.toJson(event))).isEmpty();
    }

    @Test
    void subjectsAndKeysAreUuids() {
        Set<String> notUuids = EventSamples.all().stream()
                .flatMap(event -> Stream.of(event.eventSubject(), event.orderingKey()))
                .filter(value -> !value.equals(UUID.fromString(value).toString()))
                .collect(Collectors.toSet());
        assertThat(notUuids).isEmpty();
    }

    private record UnlistedEvent(String id) implements DomainEvent {
        @Override
        public String eventSubject() {
            return id;
        }
    }
}

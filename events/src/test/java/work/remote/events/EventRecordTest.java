package work.remote.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Gate;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchGatePassed;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketType;

/** What the event records themselves guarantee, whatever the producer. */
class EventRecordTest {

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void listsAreImmutableCopies(Class<? extends DomainEvent> type) throws Throwable {
        Record event = (Record) EventSamples.of(type);
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != List.class) {
                continue;
            }
            List<?> original = (List<?>) components[i].getAccessor().invoke(event);
            List<Object> mutable = new ArrayList<>(original);
            Record copy = EventContract.copyWith(event, i, mutable);
            mutable.clear();
            List<?> held = (List<?>) components[i].getAccessor().invoke(copy);

            assertThat(held).as(components[i].getName()).isEqualTo(original);
            assertThatThrownBy(() -> held.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aReviewRequestFromBeforeTheMixOptionKeepsEverySessionToOneGroup() throws Exception {
        ObjectNode json = EventJson.mapper().valueToTree(EventSamples.processReviewRequested());
        json.remove("mixSmallGroups");

        ProcessReviewRequested read = EventJson.mapper().treeToValue(json, ProcessReviewRequested.class);

        assertThat(read.smallGroupsMayShareASession()).isFalse();
        assertThat(read.participants()).isEqualTo(EventSamples.processReviewRequested().participants());
    }

    @Test
    void onlyWithdrawalTradingAndWrongFundsTouchUsersMoney() {
        assertThat(Stream.of(Impact.values()).filter(Impact::touchesFunds))
                .containsExactly(Impact.WITHDRAWAL_BLOCKED, Impact.TRADING_BLOCKED, Impact.FUNDS_INCORRECT);
    }

    @Test
    void aTicketThatTouchesFundsIsCriticalWhateverTheNumberOfUsers() {
        TicketOpened sample = EventSamples.ticketOpened();
        for (Impact impact : List.of(Impact.WITHDRAWAL_BLOCKED, Impact.TRADING_BLOCKED, Impact.FUNDS_INCORRECT)) {
            for (Severity severity : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
                assertThatThrownBy(() -> new TicketOpened(sample.ticketId(), null, null, sample.title(), TicketType.BUG,
                        severity, impact, 1, sample.reporter(), sample.openedAt(), sample.link()))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        TicketOpened question = new TicketOpened(sample.ticketId(), null, null, "Where is the new button?",
                TicketType.QUESTION, Severity.LOW, Impact.NONE, 0, sample.reporter(), sample.openedAt(), sample.link());
        assertThat(question.orderingKey()).isEqualTo(sample.ticketId().toString());
    }

    @Test
    void aCriticalIssueMustBeResolvedAfterItWasReported() {
        CriticalIssueReported sample = EventSamples.criticalIssueReported();
        assertThatThrownBy(() -> new CriticalIssueReported(sample.ticketId(), sample.launchId(), sample.title(),
                sample.impact(), null, 1, sample.reporter(), sample.reportedAt(), sample.reportedAt(), sample.link()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOverrideReasonGoesWithOverriddenGatesAndOnlyWithThem() {
        LaunchStarted sample = EventSamples.launchStarted();
        assertThatThrownBy(() -> new LaunchStarted(sample.launchId(), sample.feature(), sample.parentTicketId(),
                sample.parentTicketLink(), sample.csChannel(), sample.rulesDocumentLink(), sample.startedBy(),
                sample.startedAt(), List.of(Gate.TRAINING_DELIVERED), null, sample.link()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaunchStarted(sample.launchId(), sample.feature(), sample.parentTicketId(),
                sample.parentTicketLink(), sample.csChannel(), sample.rulesDocumentLink(), sample.startedBy(),
                sample.startedAt(), List.of(), "no gates were open", sample.link()))
                .isInstanceOf(IllegalArgumentException.class);

        LaunchStarted regular = new LaunchStarted(sample.launchId(), sample.feature(), sample.parentTicketId(),
                sample.parentTicketLink(), sample.csChannel(), sample.rulesDocumentLink(), "li.wei", sample.startedAt(),
                List.of(), null, sample.link());
        assertThat(EventContract.validate(LaunchStarted.class, EventContract.toJson(regular))).isEmpty();
    }

    /** Consumers keep reading the events written before an admin could publish without a self-rehearsal. */
    @Test
    void aProcessPublishedWrittenBeforeTheRehearsalOverrideStillReadsAsRehearsed() throws Exception {
        ProcessPublished sample = EventSamples.processPublished();
        ObjectNode old = (ObjectNode) EventContract.toJson(sample);
        old.remove("withoutRehearsalReason");

        assertThat(EventContract.validate(ProcessPublished.class, old)).isEmpty();
        ProcessPublished read = EventJson.mapper().treeToValue(old, ProcessPublished.class);
        assertThat(read.withoutRehearsalReason()).isNull();
        assertThat(read).isEqualTo(new ProcessPublished(sample.processId(), sample.key(), sample.version(),
                sample.title(), sample.owner(), sample.roles(), sample.changeSummary(), sample.publishedBy(),
                sample.publishedAt(), sample.link()));
    }

    @Test
    void aReasonForPublishingWithoutARehearsalSaysSomething() {
        ProcessPublished sample = EventSamples.processPublished();
        assertThatThrownBy(() -> new ProcessPublished(sample.processId(), sample.key(), sample.version(),
                sample.title(), sample.owner(), sample.roles(), sample.changeSummary(), sample.publishedBy(),
                sample.publishedAt(), " ", sample.link())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPassedGateIsNotAlsoOpen() {
        LaunchGatePassed sample = EventSamples.launchGatePassed();
        assertThatThrownBy(() -> new LaunchGatePassed(sample.launchId(), sample.feature(), sample.gate(), sample.state(),
                List.of(sample.gate()), sample.passedBy(), sample.passedAt(), sample.link()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void launchClosedCountsAreConsistent() {
        LaunchClosed sample = EventSamples.launchClosed();
        assertThatThrownBy(() -> new LaunchClosed(sample.launchId(), sample.feature(), sample.productOwner(),
                sample.csLead(), sample.csAgents(), sample.startedAt(), sample.closedAt(), sample.closedBy(), 1, 2, 0, 0,
                sample.link())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LaunchClosed(sample.launchId(), sample.feature(), sample.productOwner(),
                sample.csLead(), sample.csAgents(), sample.startedAt(), sample.closedAt(), sample.closedBy(), 3, 1, 0, 2,
                sample.link())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeetingNeedsAKnownTimeZoneAndASessionWithinItsSeries() {
        MeetingScheduled sample = EventSamples.meetingScheduled();
        assertThatThrownBy(() -> new MeetingScheduled(sample.meetingId(), sample.kind(), sample.subject(), sample.title(),
                sample.host(), sample.startsAt(), sample.durationMinutes(), "Mars/Olympus_Mons", sample.joinLink(),
                sample.materialLink(), 1, 2, sample.invitees(), sample.agenda(), sample.link()))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> new MeetingScheduled(sample.meetingId(), sample.kind(), sample.subject(), sample.title(),
                sample.host(), sample.startsAt(), sample.durationMinutes(), sample.timeZone(), sample.joinLink(),
                sample.materialLink(), 3, 2, sample.invitees(), sample.agenda(), sample.link()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeetingCannotEndBeforeItStarted() {
        MeetingConcluded sample = EventSamples.meetingConcluded();
        assertThatThrownBy(() -> new MeetingConcluded(sample.meetingId(), sample.kind(), sample.subject(), sample.title(),
                sample.host(), sample.endedAt(), sample.startedAt(), sample.attendees(), sample.absentees(),
                sample.decisions(), sample.feedback(), sample.link()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

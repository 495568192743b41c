package work.remote.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import work.remote.events.CloudEventHeaders;
import work.remote.platform.CloudEventRecords;
import work.remote.events.EventSamples;
import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueReported;

/** Only records that can be processed become events; everything else is malformed and names what is wrong. */
class ReceivedEventTest {

    static final CriticalIssueReported ISSUE = EventSamples.of(CriticalIssueReported.class);
    static final String CE_ID = UUID.randomUUID().toString();
    static final Instant TIME = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aCompleteRecordBecomesAnEventWithEveryAttribute() {
        ReceivedEvent event = ReceivedEvent.from(consumed(CloudEventRecords.of(CE_ID, ISSUE, TIME)));

        assertThat(event.id()).isEqualTo(CE_ID);
        assertThat(event.type()).isEqualTo(EventType.of(CriticalIssueReported.class));
        assertThat(event.source()).isEqualTo("/ticket-service");
        assertThat(event.subject()).isEqualTo(ISSUE.eventSubject());
        assertThat(event.time()).isEqualTo(TIME);
        assertThat(event.dataAs(CriticalIssueReported.class)).isEqualTo(ISSUE);
    }

    @ParameterizedTest
    @ValueSource(strings = { CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
            CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TIME })
    void aRecordWithoutARequiredAttributeIsMalformed(String header) {
        ProducerRecord<String, String> record = CloudEventRecords.of(CE_ID, ISSUE, TIME);
        record.headers().remove(header);

        assertThatThrownBy(() -> ReceivedEvent.from(consumed(record)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("has no " + header + " header");
    }

    @Test
    void aBlankSubjectIsMissing() {
        assertThatThrownBy(() -> ReceivedEvent.from(consumed(with(CloudEventHeaders.SUBJECT, " "))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("has no ce_subject header");
    }

    @Test
    void anotherSpecVersionIsMalformed() {
        assertThatThrownBy(() -> ReceivedEvent.from(consumed(with(CloudEventHeaders.SPEC_VERSION, "0.3"))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_specversion '0.3', not '1.0'");
    }

    @Test
    void aTimeThatIsNoInstantIsMalformed() {
        assertThatThrownBy(() -> ReceivedEvent.from(consumed(with(CloudEventHeaders.TIME, "yesterday"))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_time that is not an RFC 3339 instant: yesterday");
    }

    @ParameterizedTest
    @ValueSource(strings = { "work.remote.ticket.CriticalIssueReportedV2", "work.remote.ticket.TicketEaten",
            "com.example.Other" })
    void aTypeNoVersionOfTheServiceKnowsIsMalformed(String ceType) {
        assertThatThrownBy(() -> ReceivedEvent.from(consumed(with(CloudEventHeaders.TYPE, ceType))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("no version of this service knows: " + ceType);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"not\": \"a cloud event\"", "[1, 2]", "{\"ticketId\": \"not-a-uuid\"}" })
    void dataThatIsNotTheTypesRecordIsMalformed(String data) {
        ProducerRecord<String, String> record = CloudEventRecords.of(CE_ID, ISSUE, TIME);
        ProducerRecord<String, String> withData = new ProducerRecord<>(record.topic(), null, record.key(), data,
                record.headers());

        assertThatThrownBy(() -> ReceivedEvent.from(consumed(withData)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(CE_ID);
    }

    static ProducerRecord<String, String> with(String header, String value) {
        ProducerRecord<String, String> record = CloudEventRecords.of(CE_ID, ISSUE, TIME);
        record.headers().remove(header);
        record.headers().add(header, value.getBytes(UTF_8));
        return record;
    }

    static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> record) {
        return new ConsumerRecord<>(record.topic(), 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()), java.util.Optional.empty());
    }
}

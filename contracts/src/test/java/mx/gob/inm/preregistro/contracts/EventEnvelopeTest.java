package mx.gob.inm.preregistro.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.identity.AccountActivated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-24T15:30:12.345678Z"), ZoneOffset.UTC);
    private static final AccountActivated ACTIVATED =
            new AccountActivated("acc-1", "ana.gomez@example.co", "Ana", Language.es);

    @Test
    @DisplayName("of() takes type and version from the payload and the time from the clock, to the millisecond")
    void ofFillsTheEnvelope() {
        EventEnvelope<AccountActivated> envelope = EventEnvelope.of(ACTIVATED, "acc-1", "corr-1", CLOCK);

        assertThat(envelope.type()).isEqualTo("AccountActivated");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2025-11-24T15:30:12.345Z"));
        assertThat(envelope.correlationId()).isEqualTo("corr-1");
        assertThat(envelope.subject()).isEqualTo("acc-1");
        assertThat(envelope.payload()).isSameAs(ACTIVATED);
        assertThat(envelope.eventId()).isNotEqualTo(EventEnvelope.of(ACTIVATED, "acc-1", "corr-1", CLOCK).eventId());
    }

    @Test
    @DisplayName("an event without a correlation id starts a new chain with its own event id")
    void missingCorrelationStartsChain() {
        EventEnvelope<AccountActivated> envelope = EventEnvelope.of(ACTIVATED, "acc-1", null, CLOCK);

        assertThat(envelope.correlationId()).isEqualTo(envelope.eventId().toString());
    }

    @Test
    @DisplayName("the Kafka key is the payload's aggregate id")
    void keyIsAggregateId() {
        UUID documentId = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

        assertThat(EventEnvelope.of(ACTIVATED, "acc-1", "c", CLOCK).key()).isEqualTo("acc-1");
        assertThat(EventEnvelope.of(new DocumentDeleted(documentId, "acc-1"), "acc-1", "c", CLOCK).key())
                .isEqualTo(documentId.toString());
        assertThat(SampleEvents.all()).allSatisfy(event -> assertThat(event.aggregateId()).isNotBlank());
    }

    @Test
    @DisplayName("an envelope whose type does not match its payload cannot be built")
    void typeMustMatchPayload() {
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "AccountClosed", 1, Instant.EPOCH, "c", "acc-1",
                ACTIVATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "AccountActivated", 0, Instant.EPOCH, "c", "acc-1",
                ACTIVATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope<>(null, "AccountActivated", 1, Instant.EPOCH, "c", "acc-1",
                ACTIVATED)).isInstanceOf(NullPointerException.class);
    }
}

package mx.gob.inm.preregistro.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.platform.inbox.IdempotentConsumer;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.MutableClock;

@IntegrationTest
class IdempotentConsumerTest {

    @Autowired
    MongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private IdempotentConsumer consumer;
    private EventEnvelope<DocumentDeleted> event;
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() {
        consumer = new IdempotentConsumer(mongo, clock, Duration.ofMinutes(5), new SimpleMeterRegistry());
        event = EventEnvelope.of(new DocumentDeleted(UUID.randomUUID(), "account"), "account", null, clock);
    }

    @Test
    @DisplayName("an event delivered twice is handled once")
    void duplicateDeliveryIsSkipped() {
        assertThat(consumer.handleOnce("test", event, runs::incrementAndGet)).isTrue();
        assertThat(consumer.handleOnce("test", event, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("each consumer handles the same event once for itself")
    void consumersAreIndependent() {
        consumer.handleOnce("first", event, runs::incrementAndGet);
        consumer.handleOnce("second", event, runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }

    @Test
    @DisplayName("a handler that fails leaves no mark, so the redelivery runs it again")
    void failureAllowsRetry() {
        assertThatThrownBy(() -> consumer.handleOnce("test", event, () -> {
            throw new IllegalStateException("SMTP down");
        })).hasMessage("SMTP down");

        assertThat(consumer.handleOnce("test", event, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("a delivery being handled elsewhere is retried later; one abandoned by a crash is taken over")
    void inProgressAndAbandoned() {
        mongo.insert(new Document("consumer", "test").append("eventId", event.eventId().toString())
                .append("state", "PROCESSING").append("startedAt", Date.from(clock.instant())), "processed_events");

        assertThatThrownBy(() -> consumer.handleOnce("test", event, runs::incrementAndGet))
                .isInstanceOf(IdempotentConsumer.EventInProgressException.class);

        clock.advance(Duration.ofMinutes(6));
        assertThat(consumer.handleOnce("test", event, runs::incrementAndGet)).isTrue();
        assertThat(consumer.handleOnce("test", event, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
    }
}

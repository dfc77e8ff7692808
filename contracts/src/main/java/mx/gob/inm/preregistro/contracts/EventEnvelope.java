package mx.gob.inm.preregistro.contracts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope around every event on every topic.
 *
 * @param eventId       unique id of this event; consumers are idempotent by it
 * @param type          the payload's type name, e.g. {@code AccountRegistered}
 * @param version       the payload's schema version (1 for now)
 * @param occurredAt    when the change happened (millisecond precision)
 * @param correlationId the id carried from the gateway through HTTP and Kafka headers
 * @param subject       the account the event is about; {@code null} on the partners topic, where it is withheld
 * @param payload       the event record
 * @param <P>           the payload type, normally a {@link DomainEvent}
 */
public record EventEnvelope<P>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String correlationId,
        String subject,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
        if (correlationId == null || correlationId.isBlank()) {
            throw new IllegalArgumentException("correlationId is required");
        }
        if (payload instanceof DomainEvent event && !event.eventType().equals(type)) {
            throw new IllegalArgumentException(
                    "type " + type + " does not match payload " + event.eventType());
        }
    }

    /**
     * Wraps a payload in a new envelope: a random event id, type and version from the payload, the time from
     * the clock (truncated to milliseconds, as MongoDB stores it).
     *
     * @param payload       the event
     * @param subject       the account id the event is about, or {@code null} when it must not be revealed
     * @param correlationId the current correlation id; when {@code null} or blank the event starts a new chain
     *                      and its own event id is used
     * @param clock         the injected clock
     */
    public static <P extends DomainEvent> EventEnvelope<P> of(
            P payload, String subject, String correlationId, Clock clock) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(clock, "clock");
        UUID eventId = UUID.randomUUID();
        String correlation = correlationId == null || correlationId.isBlank() ? eventId.toString() : correlationId;
        return new EventEnvelope<>(
                eventId,
                payload.eventType(),
                payload.eventVersion(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                correlation,
                subject,
                payload);
    }

    /** The Kafka record key: the payload's aggregate id. */
    public String key() {
        if (payload instanceof DomainEvent event) {
            return event.aggregateId();
        }
        throw new IllegalStateException("payload " + payload.getClass().getName() + " is not a DomainEvent");
    }
}

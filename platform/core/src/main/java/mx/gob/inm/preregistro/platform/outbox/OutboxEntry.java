package mx.gob.inm.preregistro.platform.outbox;

import java.time.Instant;

/**
 * One event waiting to be relayed to Kafka. Entries live in an {@code outbox} array inside the aggregate's own
 * MongoDB document, written in the same single-document update as the state change that caused them, so a state
 * change and its events are saved together or not at all. {@link OutboxRelay} sends them and pulls them out.
 *
 * @param eventId       the envelope's event id
 * @param topic         the Kafka topic
 * @param key           the Kafka key (aggregate id)
 * @param type          the event type, for logs and metrics
 * @param correlationId copied to the Kafka header
 * @param envelope      the envelope as JSON, exactly as it goes on the wire
 * @param createdAt     when it was written, for the outbox age metric
 */
public record OutboxEntry(
        String eventId,
        String topic,
        String key,
        String type,
        String correlationId,
        String envelope,
        Instant createdAt) {

    /** Field of the aggregate document that holds the pending entries. */
    public static final String FIELD = "outbox";
}

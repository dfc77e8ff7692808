package mx.gob.inm.preregistro.platform.deadletter;

import java.time.Instant;

/**
 * A record a service could not handle, as it lies in a dead-letter topic.
 *
 * @param id            {@code topic:partition:offset} of the dead letter
 * @param originalTopic where it was published first, and where a replay sends it again
 * @param type          the event type of its envelope, when it could be read
 * @param eventId       the event id of its envelope, when it could be read
 * @param error         why its handling failed (the exception's message)
 * @param value         the record as it was published (the event envelope's JSON, or whatever was sent)
 * @param replayedAt    when an operator replayed it, {@code null} while not replayed
 */
public record DeadLetter(String id, String originalTopic, String key, String type, String eventId, String error,
        Instant deadAt, String value, Instant replayedAt, String replayedBy) {
}

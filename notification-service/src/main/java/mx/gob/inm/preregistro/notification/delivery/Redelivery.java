package mx.gob.inm.preregistro.notification.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The settings of every mail listener's redelivery ({@link Redelivered}, R-NOT-2): an event whose mails could not be
 * sent leaves the consumer (non-blocking) and comes back from retry topics with growing pauses; after the last
 * attempt it lands in the listener's dead-letter topic, whose handler records the mails as failed and publishes
 * {@code NotificationFailed}.
 *
 * <p>Retry and dead-letter topics are named after the source topic with this service's suffixes
 * and an index ({@code fmme.v1-notification-retry-0}, {@code -1}..., {@code fmme.v1-notification-dlt}), so they
 * belong to this consumer alone even when other services retry the same topic, and keep their names when the
 * pauses are tuned.
 */
public final class Redelivery {

    /** Deliveries of an event in all, the first included. */
    public static final String ATTEMPTS = "${preregistro.notification.redelivery.attempts}";
    /** Pause before the first redelivery, in milliseconds; it grows by {@link #MULTIPLIER} up to {@link #MAX_DELAY}. */
    public static final String DELAY = "${preregistro.notification.redelivery.delay-ms}";
    public static final String MULTIPLIER = "${preregistro.notification.redelivery.multiplier}";
    public static final String MAX_DELAY = "${preregistro.notification.redelivery.max-delay-ms}";
    public static final String RETRY_SUFFIX = "-notification-retry";
    public static final String DLT_SUFFIX = "-notification-dlt";
    /** Consumer threads per listener of a main topic; more than the topic's partitions would idle. */
    public static final String CONSUMERS = "${preregistro.notification.consumers:3}";
    /**
     * Consumer threads per retry and dead-letter topic: one. Those topics carry only failed deliveries, and each
     * consumer costs the service and the broker a poll loop and a heartbeat even while idle (36 consumers with
     * three each, against 16).
     */
    public static final String RETRY_CONSUMERS = "1";
    public static final String PARTITIONS = "${preregistro.kafka.partitions:3}";
    public static final String REPLICAS = "${preregistro.kafka.replicas:1}";
    /** Suffix of the idempotency key under which a listener's dead-letter handler runs once per event. */
    public static final String DEAD_LETTERS = ".dead-letters";

    /** The last error, from the dead-letter record's {@code kafka_exception-message} header. */
    public static String reason(ConsumerRecord<?, ?> deadLetter) {
        Header message = deadLetter.headers().lastHeader(KafkaHeaders.EXCEPTION_MESSAGE);
        return message == null ? "unknown"
                : new String(message.value(), StandardCharsets.UTF_8).replaceFirst("^Listener failed; ", "");
    }

    private Redelivery() {
    }
}

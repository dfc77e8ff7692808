package mx.gob.inm.preregistro.platform.inbox;

import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.platform.events.EventJson;

/**
 * The way in for every Kafka listener: reads the record into its typed envelope and runs the handler registered
 * for the payload's type once per event for that consumer ({@link IdempotentConsumer}), or, registered with
 * {@link Delivery#onEvery}, on every delivery. Types without a handler, and types this build does not know yet (a
 * newer producer), are ignored. A listener reads:
 *
 * <pre>{@code
 * inbox.receive(CONSUMER, record)
 *      .on(NotificationSent.class, (envelope, sent) -> ...)
 *      .on(NotificationFailed.class, (envelope, failed) -> ...);
 * }</pre>
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final EventJson json;
    private final IdempotentConsumer idempotent;

    public EventInbox(EventJson json, IdempotentConsumer idempotent) {
        this.json = json;
        this.idempotent = idempotent;
    }

    public Delivery receive(String consumer, String record) {
        try {
            return new Delivery(consumer, json.read(record));
        } catch (EventJson.UnknownEventTypeException newerThanThisBuild) {
            log.debug("{} ignores an event: {}", consumer, newerThanThisBuild.getMessage());
            return new Delivery(consumer, null);
        }
    }

    /** One received event, offered to handlers by payload type. */
    public final class Delivery {

        private final String consumer;
        private final EventEnvelope<DomainEvent> envelope;

        private Delivery(String consumer, EventEnvelope<DomainEvent> envelope) {
            this.consumer = consumer;
            this.envelope = envelope;
        }

        public <E extends DomainEvent> Delivery on(Class<E> type, BiConsumer<EventEnvelope<DomainEvent>, E> handler) {
            if (envelope != null && type.isInstance(envelope.payload())) {
                idempotent.handleOnce(consumer, envelope, () -> handler.accept(envelope, type.cast(envelope.payload())));
            }
            return this;
        }

        /**
         * Like {@link #on}, but runs the handler on every delivery of the event, without the once-only marker (two
         * writes to MongoDB per event): for handlers whose effect is the same however often, and in whatever order,
         * the event arrives, such as adding to a set, or an upsert that keeps the outcome of the latest event only.
         */
        public <E extends DomainEvent> Delivery onEvery(Class<E> type,
                BiConsumer<EventEnvelope<DomainEvent>, E> handler) {
            if (envelope != null && type.isInstance(envelope.payload())) {
                idempotent.handleEvery(consumer, envelope, () -> handler.accept(envelope, type.cast(envelope.payload())));
            }
            return this;
        }
    }
}

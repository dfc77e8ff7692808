package mx.gob.inm.preregistro.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import mx.gob.inm.preregistro.contracts.EventEnvelope;

/**
 * Runs a handler at most once per (consumer, event id), however often Kafka delivers the event.
 *
 * <p>A marker document is inserted before the handler runs; a unique index on {@code consumer + eventId} makes the
 * second delivery collide. The marker says PROCESSING until the handler returns, then DONE. If the handler throws,
 * the marker is removed so the retry runs it again. A PROCESSING marker older than {@code takeOverAfter} (the
 * instance died mid-way) is taken over, so no event is lost to a crash. A handler that is idempotent by itself
 * skips the marker ({@link #handleEvery}).
 */
public class IdempotentConsumer {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration takeOverAfter;
    private final MeterRegistry meters;

    public IdempotentConsumer(MongoTemplate mongo, Clock clock, Duration takeOverAfter, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.takeOverAfter = takeOverAfter;
        this.meters = meters;
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("consumer", Sort.Direction.ASC).on("eventId", Sort.Direction.ASC)
                .unique().named("consumer_eventId_unique"));
    }

    /**
     * Runs {@code handler} unless {@code consumer} already handled this event.
     *
     * @return true when the handler ran now, false for a duplicate delivery
     * @throws EventInProgressException when another delivery of the same event is being handled right now
     */
    public boolean handleOnce(String consumer, EventEnvelope<?> envelope, Runnable handler) {
        String eventId = envelope.eventId().toString();
        if (!claim(consumer, eventId)) {
            meters.counter("preregistro.events.duplicates", "consumer", consumer, "type", envelope.type()).increment();
            return false;
        }
        try {
            handler.run();
        } catch (RuntimeException e) {
            mongo.remove(byKey(consumer, eventId), COLLECTION);
            throw e;
        }
        mongo.updateFirst(byKey(consumer, eventId),
                new Update().set("state", "DONE").set("completedAt", Date.from(clock.instant())), COLLECTION);
        countHandled(consumer, envelope);
        return true;
    }

    /** Runs {@code handler}, idempotent by itself, on every delivery, counted as handled like the others. */
    public void handleEvery(String consumer, EventEnvelope<?> envelope, Runnable handler) {
        handler.run();
        countHandled(consumer, envelope);
    }

    private void countHandled(String consumer, EventEnvelope<?> envelope) {
        meters.counter("preregistro.events.handled", "consumer", consumer, "type", envelope.type()).increment();
    }

    private boolean claim(String consumer, String eventId) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("consumer", consumer).append("eventId", eventId)
                    .append("state", "PROCESSING").append("startedAt", Date.from(now)), COLLECTION);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            Query stale = byKey(consumer, eventId).addCriteria(Criteria.where("state").is("PROCESSING")
                    .and("startedAt").lt(Date.from(now.minus(takeOverAfter))));
            if (mongo.updateFirst(stale, new Update().set("startedAt", Date.from(now)), COLLECTION)
                    .getModifiedCount() == 1) {
                return true;
            }
            Document marker = mongo.findOne(byKey(consumer, eventId), Document.class, COLLECTION);
            if (marker != null && "PROCESSING".equals(marker.getString("state"))) {
                throw new EventInProgressException(consumer, eventId);
            }
            return false;
        }
    }

    private static Query byKey(String consumer, String eventId) {
        return Query.query(Criteria.where("consumer").is(consumer).and("eventId").is(eventId));
    }

    /** Another delivery of this event is being handled; retry later. */
    public static class EventInProgressException extends RuntimeException {
        public EventInProgressException(String consumer, String eventId) {
            super("Event " + eventId + " is being handled by another delivery to " + consumer);
        }
    }
}

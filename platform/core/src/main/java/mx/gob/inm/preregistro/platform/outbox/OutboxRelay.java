package mx.gob.inm.preregistro.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import mx.gob.inm.preregistro.platform.correlation.CorrelationId;

/**
 * Sends the events waiting in the {@code outbox} arrays of the configured collections to Kafka, in order, then
 * pulls each one out of its document. Polls instead of watching change streams (which the embedded Mongo-wire
 * server lacks). An instance relays a collection only while it holds that collection's {@link RelayLease}, so
 * two instances never relay the same event twice. When Kafka is down nothing is removed: the events wait in their
 * documents and go out when it is back (delivery is at least once; consumers are idempotent by event id).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING_FIELD = OutboxEntry.FIELD + ".eventId";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final RelayLease lease;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Map<String, HeldLease> leases = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestAgeSeconds = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant lastMeasured = Instant.EPOCH;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, RelayLease lease,
            OutboxProperties properties, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
        this.kafka = kafka;
        this.lease = lease;
        this.properties = properties;
        this.meters = meters;
        for (String collection : properties.collections()) {
            // the documents with events waiting, found without reading the others (sparse: only those hold the field)
            mongo.indexOps(collection).createIndex(new Index(PENDING_FIELD, Sort.Direction.ASC).sparse()
                    .named("outbox_pending"));
            backlog.put(collection, meters.gauge("preregistro.outbox.backlog", Tags.of("collection", collection),
                    new AtomicLong()));
            oldestAgeSeconds.put(collection, meters.gauge("preregistro.outbox.oldest.age.seconds",
                    Tags.of("collection", collection), new AtomicLong()));
            // at zero from the start, so the relay-failure alert and panel read 0 rather than "no data"
            meters.counter("preregistro.outbox.relay.failures", "collection", collection);
        }
    }

    @Scheduled(fixedDelayString = "${preregistro.outbox.poll-interval:250ms}")
    public void relayAll() {
        boolean measureNow = clock.instant().isAfter(lastMeasured.plusSeconds(5));
        for (String collection : properties.collections()) {
            try {
                relay(collection);
            } catch (RuntimeException e) {
                meters.counter("preregistro.outbox.relay.failures", "collection", collection).increment();
                log.warn("Outbox relay of '{}' stopped, will retry: {}", collection, e.toString());
                measureNow = true;
            }
            if (measureNow) {
                measure(collection);
            }
        }
    }

    /**
     * Relays one batch of one collection under its lease; returns how many events went out (0 when another instance
     * holds the lease). The batch's events are handed to the producer one after the other without waiting, so it
     * packs them into few requests and keeps each key's order; then each acknowledged event leaves its document. A
     * send may be slow (each waits up to {@code send-timeout} for Kafka), so before each one the lease is renewed
     * when less than a send's time is left; when that fails another instance has taken over, and no further event is
     * sent, rather than send what that one will send too.
     */
    public int relay(String collection) {
        return leaseOn(collection).map(held -> relay(collection, held)).orElse(0);
    }

    /**
     * This instance's lease on relaying {@code collection}: kept from one poll to the next and renewed only as it
     * runs out, so a poll with nothing waiting costs one indexed query, not a write to the leases as well.
     */
    private Optional<HeldLease> leaseOn(String collection) {
        HeldLease kept = leases.get(collection);
        if (kept != null && kept.keepFor(properties.sendTimeout())) {
            return Optional.of(kept);
        }
        Optional<HeldLease> taken = lease.take("outbox:" + collection, properties.leaseDuration());
        taken.ifPresentOrElse(held -> leases.put(collection, held), () -> leases.remove(collection));
        return taken;
    }

    private int relay(String collection, HeldLease held) {
        List<InFlight> sent = new ArrayList<>();
        outbox:
        for (Document aggregate : mongo.find(pending().limit(properties.batchSize()), Document.class, collection)) {
            for (Document entry : aggregate.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                if (!held.keepFor(properties.sendTimeout())) {
                    log.warn("Outbox relay of '{}' stopped after {} events: lease {} lost to another instance",
                            collection, sent.size(), held.job());
                    break outbox;
                }
                InFlight event = send(aggregate.get("_id"), entry);
                sent.add(event);
                if (event.acknowledged().isCompletedExceptionally()) {
                    break outbox;
                }
            }
        }
        return acknowledge(collection, sent);
    }

    /**
     * Waits for Kafka's acknowledgement of each event, in the order sent, and takes the acknowledged ones out of
     * their documents; at the first event Kafka did not take, those before it still leave, and the rest wait for
     * the next poll (delivery is at least once). The acknowledged events leave their documents in one bulk write.
     */
    private int acknowledge(String collection, List<InFlight> sent) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        RuntimeException refused = null;
        for (InFlight event : sent) {
            try {
                event.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refused = new IllegalStateException("Interrupted while relaying " + event.eventId(), e);
                break;
            } catch (Exception e) {
                refused = new IllegalStateException("Kafka did not take event " + event.eventId(), e);
                break;
            }
            acknowledged.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event.eventId());
            meters.counter("preregistro.outbox.relayed", "collection", collection, "type", event.type()).increment();
        }
        if (!acknowledged.isEmpty()) {
            BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            acknowledged.forEach((aggregateId, eventIds) -> pulls.updateOne(
                    Query.query(Criteria.where("_id").is(aggregateId)),
                    new Update().pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", eventIds)))));
            pulls.execute();
        }
        if (refused != null) {
            throw refused;
        }
        return sent.size();
    }

    /** Events still waiting in the collection, and how long the oldest has waited: what operators alert on. */
    void measure(String collection) {
        long waiting = 0;
        Instant oldest = null;
        for (Document aggregate : mongo.find(pending(), Document.class, collection)) {
            for (Document entry : aggregate.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                waiting++;
                Date created = entry.getDate("createdAt");
                if (created != null && (oldest == null || created.toInstant().isBefore(oldest))) {
                    oldest = created.toInstant();
                }
            }
        }
        lastMeasured = clock.instant();
        backlog.get(collection).set(waiting);
        oldestAgeSeconds.get(collection).set(oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds());
    }

    /**
     * The documents with at least one event waiting: their ids and events only, not the rest of the aggregate (an
     * FMME carries its two PDFs, about 60 KB, that each poll would otherwise read and decode).
     */
    private static Query pending() {
        Query pending = Query.query(Criteria.where(PENDING_FIELD).exists(true));
        pending.fields().include(OutboxEntry.FIELD);
        return pending;
    }

    private InFlight send(Object aggregateId, Document entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                entry.getString("topic"), entry.getString("key"), entry.getString("envelope"));
        record.headers().add(CorrelationId.HEADER, bytes(entry.getString("correlationId")));
        record.headers().add("eventId", bytes(entry.getString("eventId")));
        record.headers().add("eventType", bytes(entry.getString("type")));
        CompletableFuture<?> acknowledged;
        try {
            acknowledged = kafka.send(record);
        } catch (RuntimeException unreachable) {   // no metadata within max.block.ms: Kafka is down
            acknowledged = CompletableFuture.failedFuture(unreachable);
        }
        return new InFlight(aggregateId, entry.getString("eventId"), entry.getString("type"), acknowledged);
    }

    /** An event handed to the producer, not yet known to be taken by Kafka. */
    private record InFlight(Object aggregateId, String eventId, String type, CompletableFuture<?> acknowledged) {
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}

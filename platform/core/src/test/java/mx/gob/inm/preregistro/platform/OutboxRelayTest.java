package mx.gob.inm.preregistro.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;
import mx.gob.inm.preregistro.platform.outbox.OutboxProperties;
import mx.gob.inm.preregistro.platform.outbox.OutboxRelay;
import mx.gob.inm.preregistro.platform.outbox.RelayLease;
import mx.gob.inm.preregistro.testing.FreePorts;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.MutableClock;

@IntegrationTest
class OutboxRelayTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;
    @Autowired
    EventJson json;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    @DisplayName("events kept in the aggregate's own document reach Kafka in order, keyed and with the correlation id, then leave the outbox")
    void relaysInOrderAndEmptiesTheOutbox() {
        UUID documentId = UUID.randomUUID();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(outbox.entryFor(new DocumentDeleted(documentId, "account-" + i), "account-" + i));
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.DOCUMENTS));

            mongo.insert(new Document("_id", documentId.toString()).append("state", "x")
                    .append("outbox", entries.stream().map(this::asDocument).toList()), "orders");

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (documentId.toString().equals(record.key())) {
                        received.add(record);
                    }
                });
                return received.size() >= 3;
            });

            assertThat(received).extracting(record -> json.read(record.value()).eventId().toString())
                    .containsExactlyElementsOf(entries.stream().map(OutboxEntry::eventId).toList());
            assertThat(new String(received.get(0).headers().lastHeader("X-Correlation-Id").value(),
                    StandardCharsets.UTF_8)).isEqualTo(entries.get(0).correlationId());
            EventEnvelope<?> first = json.read(received.get(0).value());
            assertThat(first.payload()).isEqualTo(new DocumentDeleted(documentId, "account-0"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(documentId.toString(), Document.class,
                "orders").getList("outbox", Document.class).isEmpty());
    }

    @Test
    @DisplayName("only one instance holds a relay lease at a time; another takes it over once it expires")
    void leaseIsExclusiveUntilItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        RelayLease first = new RelayLease(mongo, clock);
        RelayLease second = new RelayLease(mongo, clock);
        String job = "job-" + UUID.randomUUID();

        assertThat(first.acquire(job, Duration.ofSeconds(15))).isTrue();
        assertThat(second.acquire(job, Duration.ofSeconds(15))).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(first.acquire(job, Duration.ofSeconds(15))).as("renewal by the holder").isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(second.acquire(job, Duration.ofSeconds(15))).as("still renewed by the first").isFalse();
        clock.advance(Duration.ofSeconds(6));
        assertThat(second.acquire(job, Duration.ofSeconds(15))).as("expired, taken over").isTrue();
        assertThat(first.acquire(job, Duration.ofSeconds(15))).isFalse();
    }

    @Test
    @DisplayName("while Kafka is unreachable nothing leaves the outbox; when it is back every event goes out, none lost")
    void kafkaOutageLosesNothing() {
        String id = UUID.randomUUID().toString();
        OutboxEntry entry = outbox.entryFor(new DocumentDeleted(UUID.randomUUID(), "account"), "account");
        mongo.insert(new Document("_id", id).append("outbox", List.of(asDocument(entry))), "outage");
        OutboxProperties properties = new OutboxProperties(List.of("outage"), Duration.ofMillis(500),
                Duration.ofSeconds(15), 100, Duration.ofSeconds(2));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RelayLease lease = new RelayLease(mongo, Clock.systemUTC());
        int closedPort = FreePorts.next();

        OutboxRelay down = new OutboxRelay(mongo, kafkaAt("127.0.0.1:" + closedPort), lease, properties, meters,
                Clock.systemUTC());
        down.relayAll();
        assertThat(meters.get("preregistro.outbox.relay.failures").counter().count()).isEqualTo(1);
        assertThat(pending(id)).as("kept while Kafka is down").hasSize(1);
        assertThat(meters.get("preregistro.outbox.backlog").gauge().value()).isEqualTo(1);

        OutboxRelay back = new OutboxRelay(mongo, kafkaAt(bootstrapServers), lease, properties, meters,
                Clock.systemUTC());
        assertThat(back.relay("outage")).isEqualTo(1);
        assertThat(pending(id)).isEmpty();
    }

    @Test
    @DisplayName("R-NOT-3 a batch slower than the lease (Kafka taking 6 s an event) renews the lease before each send: the other instance never takes over, each event goes out once")
    void slowBatchKeepsItsLease() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        String collection = "slow-" + UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        List<OutboxEntry> entries = pendingEntries(collection, documentId, 3);
        OutboxProperties properties = relaying(collection);
        OutboxRelay other = new OutboxRelay(mongo, kafkaAt(bootstrapServers), new RelayLease(mongo, clock), properties,
                new SimpleMeterRegistry(), clock);
        // every acknowledgement takes 6 s, and meanwhile the other instance polls: 3 events outlast the 15 s lease
        OutboxRelay slow = new OutboxRelay(mongo, slowKafka(() -> {
            clock.advance(Duration.ofSeconds(6));
            other.relayAll();
        }), new RelayLease(mongo, clock), properties, new SimpleMeterRegistry(), clock);

        slow.relayAll();

        assertThat(pending(collection, documentId)).isEmpty();
        assertThat(eventIdsInKafka(documentId)).as("each event sent once, by the instance that started the batch")
                .containsExactlyElementsOf(entries.stream().map(OutboxEntry::eventId).toList());
    }

    @Test
    @DisplayName("R-NOT-3 when another instance took the lease during a slow send, the batch stops; that instance sends the rest, each event once")
    void batchStopsWhenItsLeaseIsLost() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        String collection = "lost-" + UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        List<OutboxEntry> entries = pendingEntries(collection, documentId, 3);
        OutboxProperties properties = relaying(collection);
        RelayLease otherLease = new RelayLease(mongo, clock);
        // the first acknowledgement takes 16 s: the lease runs out, and the other instance takes it meanwhile
        OutboxRelay stalled = new OutboxRelay(mongo, slowKafka(() -> {
            if (clock.instant().equals(Instant.parse("2026-11-25T10:00:00Z"))) {
                clock.advance(Duration.ofSeconds(16));
                assertThat(otherLease.acquire("outbox:" + collection, Duration.ofSeconds(15))).isTrue();
            }
        }), new RelayLease(mongo, clock), properties, new SimpleMeterRegistry(), clock);

        stalled.relayAll();
        assertThat(pending(collection, documentId)).as("the batch stopped after the event in flight")
                .extracting(entry -> entry.getString("eventId"))
                .containsExactly(entries.get(1).eventId(), entries.get(2).eventId());

        OutboxRelay other = new OutboxRelay(mongo, kafkaAt(bootstrapServers), otherLease, properties,
                new SimpleMeterRegistry(), clock);
        other.relayAll();
        assertRelayedOnceInOrder(collection, documentId, entries);
    }

    @Test
    @DisplayName("R-NOT-3 Kafka refuses an event in the middle of a batch: the events before it leave the outbox, it and those after it wait, and the next poll sends them, in order")
    void refusalMidBatchKeepsTheRest() {
        String collection = "refused-" + UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        List<OutboxEntry> entries = pendingEntries(collection, documentId, 3);
        OutboxProperties properties = relaying(collection);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RelayLease lease = new RelayLease(mongo, Clock.systemUTC());
        String refusedId = entries.get(1).eventId();
        KafkaTemplate<String, String> refusingTheSecond = kafkaThat((record, send) ->
                refusedId.equals(new String(record.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                        ? CompletableFuture.failedFuture(new IllegalStateException("refused"))
                        : send.apply(record));

        new OutboxRelay(mongo, refusingTheSecond, lease, properties, meters, Clock.systemUTC()).relayAll();

        assertThat(meters.get("preregistro.outbox.relay.failures").counter().count()).isEqualTo(1);
        assertThat(pending(collection, documentId)).extracting(entry -> entry.getString("eventId"))
                .containsExactly(entries.get(1).eventId(), entries.get(2).eventId());

        new OutboxRelay(mongo, kafkaAt(bootstrapServers), lease, properties, meters, Clock.systemUTC()).relayAll();

        assertRelayedOnceInOrder(collection, documentId, entries);
    }

    @Test
    @DisplayName("the relay keeps its lease from poll to poll and renews it only when less than a send's time is left")
    void leaseKeptBetweenPolls() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        String collection = "quiet-" + UUID.randomUUID();
        OutboxProperties properties = relaying(collection);
        OutboxRelay relay = new OutboxRelay(mongo, kafkaAt(bootstrapServers), new RelayLease(mongo, clock), properties,
                new SimpleMeterRegistry(), clock);

        relay.relayAll();
        Instant taken = leaseExpiry(collection);
        clock.advance(Duration.ofSeconds(4));
        relay.relayAll();
        assertThat(leaseExpiry(collection)).as("4 s after taking it, 11 s left: not written again").isEqualTo(taken);
        clock.advance(Duration.ofSeconds(2));
        relay.relayAll();
        assertThat(leaseExpiry(collection)).as("6 s after, 9 s left, less than a send's 10 s: renewed")
                .isEqualTo(Instant.parse("2026-11-25T10:00:21Z"));
    }

    /** Nothing of the document waits any more, and Kafka holds each of its events once, in order. */
    private void assertRelayedOnceInOrder(String collection, UUID documentId, List<OutboxEntry> entries) {
        assertThat(pending(collection, documentId)).isEmpty();
        assertThat(eventIdsInKafka(documentId))
                .containsExactlyElementsOf(entries.stream().map(OutboxEntry::eventId).toList());
    }

    /** One collection relayed with the defaults: a 15 s lease, 100 documents a poll, 10 s for Kafka to take them. */
    private static OutboxProperties relaying(String collection) {
        return new OutboxProperties(List.of(collection), Duration.ofMillis(500), Duration.ofSeconds(15), 100,
                Duration.ofSeconds(10));
    }

    private Instant leaseExpiry(String collection) {
        return mongo.findById("outbox:" + collection, Document.class, "leases").getDate("expiresAt").toInstant();
    }

    /** One aggregate document of {@code collection} with {@code count} events of its own waiting in its outbox. */
    private List<OutboxEntry> pendingEntries(String collection, UUID documentId, int count) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(outbox.entryFor(new DocumentDeleted(documentId, "account-" + i), "account-" + i));
        }
        mongo.insert(new Document("_id", documentId.toString())
                .append("outbox", entries.stream().map(this::asDocument).toList()), collection);
        return entries;
    }

    private List<Document> pending(String collection, UUID documentId) {
        return mongo.findById(documentId.toString(), Document.class, collection).getList("outbox", Document.class);
    }

    /** A producer whose every acknowledgement is slow: {@code whileWaiting} runs after the send, before the ack is seen. */
    private KafkaTemplate<String, String> slowKafka(Runnable whileWaiting) {
        return kafkaThat((record, send) -> {
            CompletableFuture<SendResult<String, String>> acknowledged = send.apply(record);
            acknowledged.join();
            whileWaiting.run();
            return acknowledged;
        });
    }

    /** How a test's producer sends a record, given the real send. */
    private interface Sending {
        CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record,
                Function<ProducerRecord<String, String>, CompletableFuture<SendResult<String, String>>> realSend);
    }

    /** A producer to the test's Kafka whose every send goes through {@code sending}. */
    private KafkaTemplate<String, String> kafkaThat(Sending sending) {
        return new KafkaTemplate<>(kafkaAt(bootstrapServers).getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                return sending.send(record, super::send);
            }
        };
    }

    /** The event ids on the documents topic keyed by {@code documentId}, everything written so far read. */
    private List<String> eventIdsInKafka(UUID documentId) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DOCUMENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (documentId.toString().equals(record.key())) {
                        ids.add(json.read(record.value()).eventId().toString());
                    }
                });
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return ids;
    }

    private List<Document> pending(String id) {
        return mongo.findById(id, Document.class, "outage").getList("outbox", Document.class);
    }

    private static KafkaTemplate<String, String> kafkaAt(String servers) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500),
                new StringSerializer(), new StringSerializer()));
    }

    private Document asDocument(OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        document.remove("_class");
        return document;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}

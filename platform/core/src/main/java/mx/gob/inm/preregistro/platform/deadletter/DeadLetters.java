package mx.gob.inm.preregistro.platform.deadletter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * The dead letters of every service (every {@code *-dlt} topic of the cluster), for operators (R-OPS-4): list,
 * inspect, and replay one to its original topic. A replay is recorded ({@value #REPLAYS}) so it happens once; the
 * consumers that had handled the event already skip it by its event id.
 */
public class DeadLetters {

    static final String REPLAYS = "dead_letter_replays";
    /** {@code topic:partition:offset}, the topic's name one Kafka allows: at most 249 of {@code [A-Za-z0-9._-]}. */
    private static final Pattern ID = Pattern.compile("^([A-Za-z0-9._-]{1,245}-dlt):(\\d{1,9}):(\\d{1,18})$");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
    static final int MAX_PER_TOPIC = 1000;
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(10);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;
    private final MongoTemplate mongo;
    private final Clock clock;

    public DeadLetters(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
            MongoTemplate mongo, Clock clock) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Every dead letter, newest first (at most the last {@value #MAX_PER_TOPIC} of each topic). */
    public List<DeadLetter> list() {
        List<ConsumerRecord<String, String>> records;
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "dead-letters")) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(deadLetterPartitions(consumer), KAFKA_WAIT);
            Map<TopicPartition, Long> from = new HashMap<>();
            ends.forEach((partition, end) -> from.put(partition, Math.max(0, end - MAX_PER_TOPIC)));
            records = read(consumer, from, ends);
        } catch (KafkaException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "kafka_unavailable");
        }
        Map<String, Document> replays = new HashMap<>();
        mongo.find(query(where("_id").in(records.stream().map(DeadLetters::idOf).toList())), Document.class, REPLAYS)
                .forEach(replay -> replays.put(replay.getString("_id"), replay));
        return records.stream().map(record -> toLetter(record, replays.get(idOf(record))))
                .sorted(Comparator.comparing(DeadLetter::deadAt).reversed()).toList();
    }

    /**
     * The dead letter of that id, however old, read at its own offset; empty for an id that is not a dead letter's
     * ({@code topic:partition:offset} of a topic that may exist) or names none.
     */
    public Optional<DeadLetter> find(String id) {
        Matcher parts = ID.matcher(id);
        if (!parts.matches()) {
            return Optional.empty();
        }
        TopicPartition partition = new TopicPartition(parts.group(1), Integer.parseInt(parts.group(2)));
        long offset = Long.parseLong(parts.group(3));
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "dead-letters")) {
            if (!deadLetterPartitions(consumer).contains(partition)) {
                return Optional.empty();
            }
            return read(consumer, Map.of(partition, offset), Map.of(partition, offset + 1)).stream()
                    .filter(record -> record.offset() == offset).findFirst()
                    .map(record -> toLetter(record, mongo.findById(id, Document.class, REPLAYS)));
        } catch (KafkaException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "kafka_unavailable");
        }
    }

    /** Publishes the dead letter again to its original topic, once; 404 unknown, 409 replayed already. */
    public DeadLetter replay(String id, String operator) {
        DeadLetter letter = find(id).orElseThrow(ProblemException::notFound);
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", id).append("replayedAt", Date.from(now)).append("replayedBy", operator),
                    REPLAYS);
        } catch (DuplicateKeyException replayedBefore) {
            throw new ProblemException(HttpStatus.CONFLICT, "dead_letter_replayed");
        }
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(letter.originalTopic(), letter.key(),
                    letter.value());
            record.headers().add("preregistro-replay-of", id.getBytes(StandardCharsets.UTF_8));
            kafka.send(record).get();
        } catch (Exception e) {
            mongo.remove(query(where("_id").is(id)), REPLAYS);   // not sent: the operator may try again
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "kafka_unavailable");
        }
        return find(id).orElseThrow(ProblemException::notFound);
    }

    /** Every partition of the cluster's dead-letter topics, as the broker lists them (a name asks for nothing). */
    private static List<TopicPartition> deadLetterPartitions(Consumer<String, String> consumer) {
        return consumer.listTopics(KAFKA_WAIT).entrySet().stream()
                .filter(topic -> DeadLetterTopics.isDeadLetterTopic(topic.getKey()))
                .flatMap(topic -> topic.getValue().stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /**
     * The records of each partition from its offset in {@code from} up to, not including, its offset in
     * {@code ends}, as far as ten seconds allow.
     */
    private static List<ConsumerRecord<String, String>> read(Consumer<String, String> consumer,
            Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (from.isEmpty()) {
            return records;
        }
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        Instant deadline = Instant.now().plusSeconds(10);
        while (from.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static String idOf(ConsumerRecord<String, String> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }

    private static DeadLetter toLetter(ConsumerRecord<String, String> record, Document replay) {
        String value = record.value() == null ? "" : record.value();
        return new DeadLetter(idOf(record), header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), record.key(),
                first(TYPE, value), first(EVENT_ID, value), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()), value,
                replay == null ? null : replay.getDate("replayedAt").toInstant(),
                replay == null ? null : replay.getString("replayedBy"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String first(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? matcher.group(1) : null;
    }
}

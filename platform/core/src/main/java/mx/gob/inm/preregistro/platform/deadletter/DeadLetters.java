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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
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
    private static final Pattern ID = Pattern.compile("^(.+-dlt):(\\d+):(\\d+)$");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
    private static final int MAX_PER_TOPIC = 1000;

    private final KafkaAdmin admin;
    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;
    private final MongoTemplate mongo;
    private final Clock clock;

    public DeadLetters(KafkaAdmin admin, ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
            MongoTemplate mongo, Clock clock) {
        this.admin = admin;
        this.consumers = consumers;
        this.kafka = kafka;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Every dead letter, newest first (at most the last {@value #MAX_PER_TOPIC} of each topic). */
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties());
                Consumer<String, String> consumer = consumers.createConsumer(null, "dead-letters")) {
            Set<String> topics = client.listTopics().names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                if (DeadLetterTopics.isDeadLetterTopic(topic)) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            read(consumer, partitions, record -> true).forEach(record -> letters.add(toLetter(record)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "kafka_unavailable");
        }
        letters.sort(Comparator.comparing(DeadLetter::deadAt).reversed());
        return letters;
    }

    public Optional<DeadLetter> find(String id) {
        Matcher parts = ID.matcher(id);
        if (!parts.matches()) {
            return Optional.empty();
        }
        TopicPartition partition = new TopicPartition(parts.group(1), Integer.parseInt(parts.group(2)));
        long offset = Long.parseLong(parts.group(3));
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "dead-letters")) {
            if (consumer.partitionsFor(partition.topic()).stream().noneMatch(p -> p.partition() == partition.partition())) {
                return Optional.empty();
            }
            return read(consumer, List.of(partition), record -> record.offset() == offset).stream()
                    .findFirst().map(this::toLetter);
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

    private List<ConsumerRecord<String, String>> read(Consumer<String, String> consumer,
            List<TopicPartition> partitions, java.util.function.Predicate<ConsumerRecord<String, String>> wanted) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (partitions.isEmpty()) {
            return records;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(0, ends.get(partition) - MAX_PER_TOPIC));
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (wanted.test(record)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private DeadLetter toLetter(ConsumerRecord<String, String> record) {
        String id = record.topic() + ":" + record.partition() + ":" + record.offset();
        String value = record.value() == null ? "" : record.value();
        Document replay = mongo.findById(id, Document.class, REPLAYS);
        return new DeadLetter(id, header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), record.key(),
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

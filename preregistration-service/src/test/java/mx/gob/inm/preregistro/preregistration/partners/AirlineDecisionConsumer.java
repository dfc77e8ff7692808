package mx.gob.inm.preregistro.preregistration.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example consumer of {@code partners.decisions.v1} an airline writes (R-OPS-1), deliberately using nothing of
 * this project: the Kafka client and a JSON parser. It keeps the latest decision per passport and entry date
 * (the record key), idempotent by {@code eventId}, and answers the check-in question "may this passenger board
 * for Mexico on this date?" from the passport it holds, hashed as the topic's contract says.
 */
public final class AirlineDecisionConsumer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, String> decisionByKey = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seenEvents = new ConcurrentHashMap<>();

    /**
     * @param bootstrapServers the broker INM gives the partner
     * @param groupId          one consumer group per partner system, e.g. {@code avianca-checkin}
     */
    public AirlineDecisionConsumer(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of("partners.decisions.v1"));
    }

    /** Reads what arrived; returns the decisions applied (duplicates skipped), in order. */
    public List<JsonNode> poll(Duration timeout) {
        List<JsonNode> applied = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            JsonNode envelope = JSON.readTree(record.value());
            if (!"BoardingDecisionPublished".equals(envelope.get("type").asString())
                    || seenEvents.putIfAbsent(envelope.get("eventId").asString(), true) != null) {
                continue;
            }
            JsonNode decision = envelope.get("payload");
            decisionByKey.put(record.key(), decision.get("decision").asString());
            applied.add(decision);
        }
        consumer.commitSync();
        return applied;
    }

    /** {@code APPROVED}, {@code NOT_APPROVED}, {@code CANCELLED}, or {@code NONE} when nothing was decided. */
    public String boardingStatus(String nationality, String documentNumber, String entryDate) {
        return decisionByKey.getOrDefault(documentHash(nationality, documentNumber) + ":" + entryDate, "NONE");
    }

    /** Lower-case hex SHA-256 of {@code NATIONALITY:DOCUMENTNUMBER}, trimmed and upper-cased. */
    public static String documentHash(String nationality, String documentNumber) {
        String text = nationality.trim().toUpperCase(Locale.ROOT) + ":" + documentNumber.trim().toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

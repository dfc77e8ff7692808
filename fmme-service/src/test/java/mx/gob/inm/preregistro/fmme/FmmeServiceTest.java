package mx.gob.inm.preregistro.fmme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventCatalog;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer;

/**
 * fmme-service against the harness's real Kafka, Mongo-wire server and Keycloak (travellers' tokens for the
 * downloads). Events go in on {@code preregistrations.v1} as preregistration-service publishes them and come out on
 * {@code fmme.v1}. One context for all subclasses.
 */
@IntegrationTest(properties = "preregistro.fmme.public-base-url=https://preregistro.example.mx")
public abstract class FmmeServiceTest {

    protected static final HttpClient http = HttpClient.newHttpClient();
    protected static final JsonMapper json = JsonMapper.builder().build();
    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventJson events;
    @Autowired
    protected MongoTemplate mongo;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = Infrastructure.shared().keycloak();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> keycloak.realmUrl() + "/protocol/openid-connect/certs");
    }

    protected static KeycloakServer.TestTraveller traveller() {
        return Infrastructure.shared().keycloak().traveller("fmme." + UUID.randomUUID() + "@example.com");
    }

    protected static <P extends DomainEvent> EventEnvelope<P> envelope(P payload, String accountId) {
        return EventEnvelope.of(payload, accountId, null, Clock.systemUTC());
    }

    protected void publish(EventEnvelope<? extends DomainEvent> event) {
        kafka.send(Topics.PREREGISTRATIONS, event.key(), events.write(event)).join();
    }

    protected HttpResponse<byte[]> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected JsonNode getJson(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, null);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(response.body());
    }

    protected JsonNode verify(String seal) throws Exception {
        return getJson("/api/fmme/verify?seal=" + URLEncoder.encode(seal, StandardCharsets.UTF_8));
    }

    /**
     * The events on {@code fmme.v1} keyed by this pre-registration, waiting until {@code enough} holds for them;
     * each one checked against its JSON Schema in contracts.
     */
    protected static List<JsonNode> fmmeEvents(String preregistrationId, Predicate<List<JsonNode>> enough) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FMME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (preregistrationId.equals(record.key())) {
                        assertValidAgainstSchema(record.value());
                        found.add(json.readTree(record.value()));
                    }
                }
                if (enough.test(found)) {
                    return found;
                }
            }
        }
        throw new AssertionError("fmme.v1 events of " + preregistrationId + " never satisfied the wait: " + found);
    }

    protected static List<JsonNode> ofType(List<JsonNode> envelopes, String type) {
        return envelopes.stream().filter(envelope -> type.equals(envelope.get("type").asString())).toList();
    }

    protected static Predicate<List<JsonNode>> atLeast(int count, String type) {
        return envelopes -> ofType(envelopes, type).size() >= count;
    }

    private static void assertValidAgainstSchema(String envelope) {
        String type = json.readTree(envelope).get("type").asString();
        EventCatalog.Entry entry = EventCatalog.find(type).orElseThrow();
        try (InputStream schema = FmmeServiceTest.class.getClassLoader().getResourceAsStream(entry.schemaLocation())) {
            Schema validator = SCHEMAS.getSchema(schema, InputFormat.JSON);
            assertThat(validator.validate(envelope, InputFormat.JSON)).as("%s against its schema", type).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the approval and waits for its {@code FmmeIssued}; returns that event's payload. */
    protected JsonNode approveAndAwaitIssued(PreRegistrationApproved approval) {
        EventEnvelope<? extends DomainEvent> approved = envelope(approval, approval.accountId());
        publish(approved);
        String key = approval.preregistrationId().toString();
        return ofType(fmmeEvents(key, atLeast(1, "FmmeIssued")), "FmmeIssued").get(0).get("payload");
    }
}

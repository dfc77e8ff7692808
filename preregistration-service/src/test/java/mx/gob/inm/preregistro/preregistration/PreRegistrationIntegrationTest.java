package mx.gob.inm.preregistro.preregistration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventCatalog;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.documents.DocumentRegistered;
import mx.gob.inm.preregistro.contracts.documents.DocumentValidated;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;
import mx.gob.inm.preregistro.testing.MutableClock;

/**
 * preregistration-service against the harness's real Kafka, Mongo-wire server and Keycloak: travellers call it
 * with real Keycloak tokens, their passports reach its projection as real {@code documents.v1} events, and what
 * it publishes is read back from Kafka. One application context for all subclasses; the clock is the tests'.
 */
@IntegrationTest
@Import(PreRegistrationIntegrationTest.TestClock.class)
public abstract class PreRegistrationIntegrationTest {

    /** 09:00 in Mexico City on 15 June 2026. */
    protected static final Instant START = Instant.parse("2026-06-15T15:00:00Z");
    protected static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final HttpClient http = HttpClient.newHttpClient();
    protected static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventJson eventJson;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = Infrastructure.shared().keycloak();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> keycloak.realmUrl() + "/protocol/openid-connect/certs");
    }

    /** Every test starts at {@link #START}; the relays' leases are timed by that clock, so they are freed too. */
    @BeforeEach
    void resetClockAndLease() {
        clock.set(START);
        mongo.remove(Query.query(Criteria.where("_id").in("outbox:preregistrations", "outbox:documents")), "leases");
    }

    // ------------------------------------------------------------------------------------------- travellers

    /** A new signed-in traveller whose account identity-service announced (e-mail, language). */
    protected TestTraveller traveller(Language language) {
        String email = "viajero-" + UUID.randomUUID() + "@example.com";
        TestTraveller traveller = Infrastructure.shared().keycloak().traveller(email);
        publish(new AccountRegistered(traveller.id(), email, "Ana", "Prueba", language,
                "http://localhost:8080/activar", START.plus(Duration.ofHours(72))), traveller.id());
        return traveller;
    }

    protected TestTraveller traveller() {
        return traveller(Language.es);
    }

    /** A valid Colombian ordinary passport, registered and validated through {@code documents.v1}. */
    protected String colombianPassport(TestTraveller traveller) {
        return passport(traveller, "COL", DocumentClassification.ORDINARY, LocalDate.parse("2031-03-01"));
    }

    /** Publishes DocumentRegistered and DocumentValidated and waits until the projection shows it valid. */
    protected String passport(TestTraveller traveller, String nationality, DocumentClassification classification,
            LocalDate expiry) {
        UUID documentId = UUID.randomUUID();
        String number = "AX" + (100000 + (int) (Math.random() * 899999));
        publish(new DocumentRegistered(documentId, traveller.id(), "P", nationality, number, "RODRIGUEZ GOMEZ",
                "MARIA FERNANDA", nationality, LocalDate.parse("1990-03-14"), Sex.F, expiry, classification, null),
                traveller.id());
        publish(new DocumentValidated(documentId, traveller.id(), "P", nationality, nationality, classification,
                expiry), traveller.id());
        awaitDocumentStatus(documentId.toString(), "VALID");
        return documentId.toString();
    }

    protected void awaitDocumentStatus(String documentId, String status) {
        await(() -> {
            Document document = mongo.findById(documentId, Document.class, "documents");
            return document != null && status.equals(document.getString("status"));
        }, "document " + documentId + " " + status);
    }

    protected void awaitDocumentGone(String documentId) {
        await(() -> mongo.findById(documentId, Document.class, "documents") == null,
                "document " + documentId + " removed");
    }

    /** Publishes an event on its topic exactly as its producer's outbox relay would; returns the record. */
    protected String publish(DomainEvent event, String subject) {
        String record = eventJson.write(EventEnvelope.of(event, subject, null, clock));
        publishAgain(event, record);
        return record;
    }

    /** Sends a record of {@code event} (again), as a relay that stopped before its acknowledgement would. */
    protected void publishAgain(DomainEvent event, String record) {
        kafka.send(EventCatalog.topicOf(event), event.aggregateId(), record).join();
    }

    protected static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    // ------------------------------------------------------------------------------------------------- HTTP

    protected HttpResponse<String> get(TestTraveller as, String path) {
        return send(request(as, path).GET().build());
    }

    protected HttpResponse<String> post(TestTraveller as, String path, Object body) {
        return send(request(as, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    protected HttpResponse<String> postIn(String language, TestTraveller as, String path, Object body) {
        return send(request(as, path).header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    protected HttpResponse<String> put(TestTraveller as, String path, Object body) {
        return send(request(as, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    /** {@code PUT} of a multipart form with one part {@code file}. */
    protected HttpResponse<String> upload(TestTraveller as, String path, String filename, byte[] content) {
        String boundary = "----prereg" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(as, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected HttpResponse<byte[]> download(TestTraveller as, String path) {
        try {
            return http.send(request(as, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(TestTraveller as, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", as.bearer());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The code of a 400's first field error. */
    protected static String codeOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return read(response).get("errors").get(0).get("code").asString();
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    /**
     * The envelopes on {@code topic} whose record key passes {@code key}, in order, read from the beginning until
     * {@code enough} holds for them (or the wait runs out).
     */
    protected static List<JsonNode> events(String topic, Predicate<String> key, Predicate<List<JsonNode>> enough) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline) && !enough.test(found)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.key() != null && key.test(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
            }
        }
        return found;
    }

    /** The types of the events about one pre-registration on {@code preregistrations.v1}, once {@code last} came. */
    protected static List<String> preregistrationEventTypes(String preregistrationId, String last) {
        return events(Topics.PREREGISTRATIONS, preregistrationId::equals,
                found -> found.stream().anyMatch(e -> last.equals(e.get("type").asString())))
                .stream().map(e -> e.get("type").asString()).toList();
    }

    protected static JsonNode preregistrationEvent(String preregistrationId, String type) {
        return events(Topics.PREREGISTRATIONS, preregistrationId::equals,
                found -> found.stream().anyMatch(e -> type.equals(e.get("type").asString())))
                .stream().filter(e -> type.equals(e.get("type").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + preregistrationId));
    }

    /** The partners' decisions about one pre-registration, once {@code count} of them arrived. */
    protected static List<JsonNode> partnerDecisions(String preregistrationId, int count) {
        Predicate<JsonNode> about = e -> preregistrationId.equals(e.get("payload").get("preregistrationId").asString());
        return events(Topics.PARTNERS_DECISIONS, k -> true,
                found -> found.stream().filter(about).count() >= count)
                .stream().filter(about).toList();
    }

    // ------------------------------------------------------------------------------------------ the wizard

    protected static Map<String, Object> travel(LocalDate entry, LocalDate exit) {
        return Map.of("entryDate", entry.toString(), "exitDate", exit.toString(), "arrivalAirport", "CUN",
                "airline", "AV", "flightNumber", "AV36", "originCountry", "COL", "originCity", "Bogotá",
                "purpose", "TURISMO");
    }

    protected static Map<String, Object> additional() {
        return Map.of("lodgingType", "HOTEL", "lodgingName", "Hotel Riu Caribe",
                "street", "Blvd. Kukulcán km 5.5", "city", "Cancún", "state", "Quintana Roo",
                "postalCode", "77500", "phone", "+52 998 848 7850", "occupation", "Ingeniera de sistemas");
    }

    protected static Map<String, Object> eligibleAnswers() {
        return Map.of("answers", Map.of("DEPORTED", false, "REFUSED_ENTRY", false, "CRIMINAL_RECORD", false,
                "VISA_DENIED", false, "OVERSTAY", false));
    }

    protected static List<String> slotsOf(String variant) {
        return switch (variant) {
            case "NUE" -> List.of("EXIT_TICKET", "LODGING");
            case "DIPLOMATIC" -> List.of("SRE_CARD");
            default -> List.of("EXIT_TICKET", "LODGING", "ITINERARY");
        };
    }

    /** A draft with every step filled with eligible data and every required file attached. */
    protected String completeDraft(TestTraveller traveller, String documentId, String variant, LocalDate entry,
            LocalDate exit) {
        Map<String, Object> create = new HashMap<>(Map.of("documentId", documentId, "variant", variant));
        create.put("nue", "12345678");
        create.put("sreFolio", "SRE12345");
        HttpResponse<String> created = post(traveller, "/api/preregistrations", create);
        if (created.statusCode() != 201) {
            throw new AssertionError("create: " + created.statusCode() + " " + created.body());
        }
        String id = read(created).get("id").asString();
        completeSteps(traveller, id, variant, entry, exit);
        return id;
    }

    /** The wizard's steps of draft {@code id} filled with eligible data, and every attachment of its variant. */
    protected void completeSteps(TestTraveller traveller, String id, String variant, LocalDate entry,
            LocalDate exit) {
        expectOk(put(traveller, "/api/preregistrations/" + id + "/travel", travel(entry, exit)));
        expectOk(put(traveller, "/api/preregistrations/" + id + "/additional", additional()));
        expectOk(put(traveller, "/api/preregistrations/" + id + "/control", eligibleAnswers()));
        for (String slot : slotsOf(variant)) {
            expectOk(upload(traveller, "/api/preregistrations/" + id + "/attachments/" + slot, "doc.pdf",
                    TestFiles.pdf()));
        }
    }

    protected HttpResponse<String> submit(TestTraveller traveller, String id) {
        return post(traveller, "/api/preregistrations/" + id + "/submit", Map.of("termsAccepted", true));
    }

    protected static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
    }
}

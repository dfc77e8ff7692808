package mx.gob.inm.preregistro.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventCatalog;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;
import mx.gob.inm.preregistro.testing.MutableClock;

/**
 * document-service against the harness's real Kafka, Mongo-wire server and Keycloak, called as signed-in travellers
 * with tokens Keycloak signed, and a clock the tests move. One context for all subclasses.
 */
@IntegrationTest
@Import(SignedInTest.TestClock.class)
public abstract class SignedInTest {

    protected static final Instant START = Instant.parse("2026-06-15T18:00:00Z");
    protected static final HttpClient http = HttpClient.newHttpClient();
    protected static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private EventJson eventJson;

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
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> Infrastructure.shared().keycloak().realmUrl() + "/protocol/openid-connect/certs");
    }

    /** A traveller signed in with Keycloak; the same e-mail gives the same account. */
    protected static TestTraveller traveller(String email) {
        KeycloakServer keycloak = Infrastructure.shared().keycloak();
        return keycloak.traveller(email);
    }

    protected HttpResponse<String> get(TestTraveller traveller, String path) throws Exception {
        return send(request(traveller, path).GET());
    }

    protected HttpResponse<String> delete(TestTraveller traveller, String path) throws Exception {
        return send(request(traveller, path).DELETE());
    }

    /**
     * Deletes a document the way the system does (R-DOC-9): DELETE (202, its deletion pending), then the answer
     * preregistration-service gives when no submission claimed it, {@code DocumentWithdrawn}, published through
     * the real broker; returns once the document is gone.
     */
    protected void deleteWithdrawn(TestTraveller traveller, String documentId) throws Exception {
        HttpResponse<String> asked = delete(traveller, "/api/documents/" + documentId);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(read(asked.body()).get("deleting").asBoolean()).isTrue();
        publish(new DocumentWithdrawn(UUID.fromString(documentId), traveller.id()), traveller.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get(traveller, "/api/documents/" + documentId).statusCode() != 404) {
            assertThat(System.nanoTime()).as("the document deleted").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** {@code POST /api/documents/scans} with {@code content} as the image part named {@code filename}. */
    protected HttpResponse<String> upload(TestTraveller traveller, String filename, byte[] content,
            Map<String, String> fields) throws Exception {
        String boundary = "----scan" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/documents/scans"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (traveller != null) {
            request.header("Authorization", traveller.bearer());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(TestTraveller traveller, String path, Object body) throws Exception {
        return send(request(traveller, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(TestTraveller traveller, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return traveller == null ? request : request.header("Authorization", traveller.bearer());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes an event of another service through the real broker, as that service would. */
    protected void publish(DomainEvent event, String accountId) throws Exception {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of(event, accountId, "test", clock);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(EventCatalog.topicOf(event), envelope.key(), eventJson.write(envelope)))
                    .get();
        }
    }

    protected static JsonNode read(String body) {
        return json.readTree(body);
    }
}

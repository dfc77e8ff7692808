package mx.gob.inm.preregistro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer;
import mx.gob.inm.preregistro.testing.MutableClock;

/**
 * identity-service against the harness's real Kafka, Mongo-wire server and Keycloak (realm {@code inm}, client
 * {@code identity-service}), with the captcha in test mode and a clock the tests move. One context for all subclasses.
 */
@IntegrationTest(properties = "preregistro.captcha.test-mode=true")
@Import(KeycloakBackedTest.TestClock.class)
public abstract class KeycloakBackedTest {

    protected static final Instant START = Instant.parse("2026-06-15T18:00:00Z");
    protected static final HttpClient http = HttpClient.newHttpClient();
    protected static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

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
        registry.add("preregistro.keycloak.url", keycloak::url);
        registry.add("preregistro.keycloak.client-secret", keycloak::identityClientSecret);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> keycloak.realmUrl() + "/protocol/openid-connect/certs");
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh captcha: its id and, from the test-mode header, its answer. */
    protected String[] captcha() throws Exception {
        HttpResponse<String> response = get("/api/captcha");
        JsonNode body = json.readTree(response.body());
        return new String[] {body.get("id").asString(),
                response.headers().firstValue("X-Captcha-Answer").orElseThrow()};
    }

    protected static JsonNode read(String body) {
        return json.readTree(body);
    }

    protected static final Duration WAIT = Duration.ofSeconds(30);

    // ---------------------------------------------------------------- Keycloak (as the master admin) and Kafka

    protected static JsonNode keycloakUser(String email) throws Exception {
        JsonNode users = keycloakUsers(email);
        assertThat(users).as("Keycloak users named %s", email).hasSize(1);
        return users.get(0);
    }

    protected static JsonNode keycloakUsers(String email) throws Exception {
        KeycloakServer keycloak = Infrastructure.shared().keycloak();
        String adminToken = keycloak.adminAccessToken();
        HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(keycloak.url()
                        + "/admin/realms/inm/users?briefRepresentation=false&exact=true&username="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        return read(users.body());
    }

    /** The payload of the first event of this type and account on {@code identity.accounts.v1}. */
    protected static JsonNode event(String type, String accountId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.IDENTITY_ACCOUNTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = read(record.value());
                    if (accountId.equals(record.key()) && type.equals(envelope.get("type").asString())) {
                        return envelope.get("payload");
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for account " + accountId + " on " + Topics.IDENTITY_ACCOUNTS);
    }

    /**
     * The types of the events of this account on {@code identity.accounts.v1}, in order, up to and including the
     * first {@code untilType} (waited for): what was published for the account before it.
     */
    protected static List<String> eventTypesUntil(String accountId, String untilType) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.IDENTITY_ACCOUNTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (accountId.equals(record.key())) {
                        String type = read(record.value()).get("type").asString();
                        types.add(type);
                        if (untilType.equals(type)) {
                            return types;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + untilType + " for account " + accountId + " on " + Topics.IDENTITY_ACCOUNTS
                + " (saw " + types + ")");
    }
}

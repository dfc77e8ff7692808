package mx.gob.inm.preregistro.identity.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;
import mx.gob.inm.preregistro.testing.TopicRecords;

/** The operators' dead-letter tools of R-OPS-4, served by identity-service for every service. */
class OperatorToolsTest extends KeycloakBackedTest {

    private HttpResponse<String> call(TestTraveller who, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", who.bearer())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("R-OPS-4 only Keycloak's operator role opens the dead-letter tools: a traveller gets a 403 problem")
    void operatorsOnly() throws Exception {
        TestTraveller traveller = Infrastructure.shared().keycloak().traveller("viajera.ops@example.com");

        HttpResponse<String> refused = call(traveller, "GET", "/api/ops/dead-letters");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(read(refused.body()).get("code").asString()).isEqualTo("forbidden");
    }

    @Test
    @DisplayName("R-OPS-4 an operator lists a dead letter of another service, inspects it and replays it once to its original topic")
    void listInspectReplay() throws Exception {
        TestTraveller operator = Infrastructure.shared().keycloak().traveller("operadora@example.com", "operator");
        String key = UUID.randomUUID().toString();
        String value = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"DocumentRegistered\",\"payload\":{}}";
        ProducerRecord<String, String> dead = new ProducerRecord<>("documents.v1-preregistration-dlt", key, value);
        dead.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "documents.v1".getBytes(StandardCharsets.UTF_8));
        dead.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "holder missing".getBytes(StandardCharsets.UTF_8));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(dead).get();
        }

        JsonNode list = read(call(operator, "GET", "/api/ops/dead-letters").body());
        JsonNode letter = null;
        for (JsonNode candidate : list) {
            if (key.equals(candidate.path("key").asString(null))) {
                letter = candidate;
            }
        }
        assertThat(letter).as(list.toString()).isNotNull();
        assertThat(letter.get("originalTopic").asString()).isEqualTo("documents.v1");
        assertThat(letter.get("error").asString()).isEqualTo("holder missing");
        assertThat(letter.get("type").asString()).isEqualTo("DocumentRegistered");
        String id = URLEncoder.encode(letter.get("id").asString(), StandardCharsets.UTF_8);
        assertThat(read(call(operator, "GET", "/api/ops/dead-letters/" + id).body()).get("value").asString())
                .isEqualTo(value);

        HttpResponse<String> replayed = call(operator, "POST", "/api/ops/dead-letters/" + id + "/replay");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(TopicRecords.withKey("documents.v1", key, values -> values.contains(value), Duration.ofSeconds(30)))
                .contains(value);
        assertThat(call(operator, "POST", "/api/ops/dead-letters/" + id + "/replay").statusCode()).isEqualTo(409);
        assertThat(call(operator, "POST", "/api/ops/dead-letters/nothing-dlt:0:1/replay").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-OPS-4 R-SEC an address that names no dead letter is a 404 problem to inspect and to replay, never a 500")
    void addressesThatNameNoDeadLetter() throws Exception {
        TestTraveller operator = Infrastructure.shared().keycloak().traveller("operadora@example.com", "operator");
        for (String id : List.of("documents.v1-preregistration-dlt:99999999999:0",
                "documents.v1-preregistration-dlt:0:99999999999999999999", "a%20b-dlt:0:0",
                "a".repeat(300) + "-dlt:0:0", "no-such-topic-dlt:0:0", "documents.v1:0:0")) {
            for (String[] call : new String[][] {{"GET", ""}, {"POST", "/replay"}}) {
                HttpResponse<String> answer = call(operator, call[0], "/api/ops/dead-letters/" + id + call[1]);
                assertThat(answer.statusCode()).as(call[0] + " " + id).isEqualTo(404);
                assertThat(read(answer.body()).get("code").asString()).isEqualTo("not_found");
            }
        }
    }
}

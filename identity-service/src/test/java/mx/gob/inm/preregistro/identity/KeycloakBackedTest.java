package mx.gob.inm.preregistro.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

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

}

package mx.gob.inm.preregistro.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.StandInService;

/** The browsers' sessions as the gateway keeps them: in MongoDB, as many as there are browsers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "RATE_LIMITS_ENABLED=false"})
class SessionStoreTest {

    private static final StandInService KEYCLOAK = StandInService.answering(exchange -> { });

    @DynamicPropertySource
    static void keycloakAnswers(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_URL", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private long stored(String id) {
        return Mono.from(mongo.getDatabase("gateway").getCollection(SessionStore.COLLECTION)
                .countDocuments(Filters.eq("_id", id))).block();
    }

    private long sessions() {
        return Mono.from(mongo.getDatabase("gateway").getCollection(SessionStore.COLLECTION)
                .countDocuments(new Document())).block();
    }

    @Test
    @DisplayName("R-ACC-8 Cerrar Sesión ends the whole session: it is removed from MongoDB, with what it held")
    void signOutEndsTheSession() throws Exception {
        HttpResponse<Void> started = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/keycloak")).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        String id = cookie.substring("SESSION=".length(), cookie.indexOf(';'));
        assertThat(stored(id)).isEqualTo(1);
        long before = sessions();

        HttpResponse<String> signedOut = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/logout"))
                .header("Cookie", "SESSION=" + id + "; XSRF-TOKEN=t").header("X-XSRF-TOKEN", "t")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(stored(id)).isZero();
        assertThat(sessions()).as("not kept under a new id either").isEqualTo(before - 1);
    }

    @Test
    @DisplayName("R-ACC-8 INGRESAR starts for more than 10,000 browsers within a session's life (Spring's in-memory store refused the 10,001st, a 500 to every sign-in after it), each session stored in MongoDB")
    void noLimitToTheNumberOfSessions() throws Exception {
        Map<Integer, Integer> answers = new TreeMap<>();
        String last = null;
        for (int i = 0; i < 10_050; i++) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/keycloak")).build(),
                    HttpResponse.BodyHandlers.discarding());
            answers.merge(response.statusCode(), 1, Integer::sum);
            last = response.headers().firstValue("Set-Cookie").orElse(null);
        }

        assertThat(answers).containsExactly(Map.entry(302, 10_050));
        assertThat(last).startsWith("SESSION=").containsIgnoringCase("HttpOnly");
        assertThat(stored(last.substring("SESSION=".length(), last.indexOf(';')))).isEqualTo(1);
        assertThat(sessions()).isGreaterThanOrEqualTo(10_050);
    }
}

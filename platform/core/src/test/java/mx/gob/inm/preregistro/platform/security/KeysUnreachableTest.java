package mx.gob.inm.preregistro.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import mx.gob.inm.preregistro.testing.IntegrationTest;

/**
 * A service whose Keycloak cannot be reached when it needs the realm's keys (down as the service starts, or as
 * Keycloak rotates its keys): here the keys' address is a closed port, as a stopped Keycloak's is.
 */
@IntegrationTest(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/certs")
class KeysUnreachableTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("R-SEC a well-formed token that cannot be checked because Keycloak's keys cannot be fetched is a 503 problem with Retry-After, in Spanish, never a 500")
    void keysUnreachable() throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(("{\"sub\":\"traveller\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300)
                + "}").getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(new byte[256]);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/private/thing"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"unavailable\"", "Servicio no disponible por el momento",
                "\"correlationId\"").doesNotContain("127.0.0.1", "certs");
    }
}

package mx.gob.inm.preregistro.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * INGRESAR while Keycloak takes connections and answers nothing (hanging, or stopped): the gateway sends the browser
 * to the portal's "No fue posible ingresar" within its time limit, instead of on to a Keycloak page that never comes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "preregistro.gateway.rate-limits.enabled=false"})
class SignInAvailabilityTest {

    private static final SilentServer KEYCLOAK = new SilentServer();

    @DynamicPropertySource
    static void keycloakSilent(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_URL", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @DisplayName("R-ACC-8 INGRESAR while Keycloak does not answer goes to 'No fue posible ingresar' within 2 s (not to a page that never loads), each time: no answer is not remembered")
    void keycloakSilent() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            Instant asked = Instant.now();
            HttpResponse<String> signIn = signIn();
            Duration waited = Duration.between(asked, Instant.now());

            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location")).hasValue("/#/ingreso-fallido");
            assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
            assertThat(waited).isBetween(SignInAvailability.RESPONSE_TIMEOUT.minusMillis(200),
                    SignInAvailability.RESPONSE_TIMEOUT.plusSeconds(2));
        }
        // each attempt waited for the answer (above): the first silence was not remembered
        assertThat(KEYCLOAK.connections).as("the gateway asked Keycloak").isNotEmpty();
    }

    private HttpResponse<String> signIn() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/keycloak"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Takes connections and never answers on them, as a hanging or stopped (SIGSTOP) Keycloak does. */
    private static final class SilentServer {

        final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;

        SilentServer() {
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        connections.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // the JVM is ending
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}

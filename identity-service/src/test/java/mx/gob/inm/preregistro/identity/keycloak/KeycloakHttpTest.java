package mx.gob.inm.preregistro.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** identity-service's calls to Keycloak against real sockets that behave as a Keycloak in trouble does. */
class KeycloakHttpTest {

    @Test
    @DisplayName("R-SEC a Keycloak that takes connections but never answers: the call fails within the read time limit instead of holding the request")
    void silentKeycloakTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());   // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RestClient keycloak = KeycloakHttp.client("http://127.0.0.1:" + silent.getLocalPort());

            Instant asked = Instant.now();
            assertThatThrownBy(() -> keycloak.get().uri("/realms/inm").retrieve().body(String.class))
                    .isInstanceOf(ResourceAccessException.class);
            Duration waited = Duration.between(asked, Instant.now());

            assertThat(waited).isGreaterThanOrEqualTo(KeycloakHttp.READ_TIMEOUT.minusMillis(100))
                    .isLessThan(KeycloakHttp.READ_TIMEOUT.plusSeconds(3));
            acceptor.interrupt();
        }
    }

    @Test
    @DisplayName("R-SEC a Keycloak that refuses connections: after ten failures in a row the circuit opens and the next call is refused at once, without a connection")
    void refusedConnectionsOpenTheCircuit() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        RestClient keycloak = KeycloakHttp.client("http://127.0.0.1:" + closedPort);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> keycloak.get().uri("/realms/inm").retrieve().body(String.class))
                    .isInstanceOf(ResourceAccessException.class).hasCauseInstanceOf(ConnectException.class);
        }

        assertThatThrownBy(() -> keycloak.get().uri("/realms/inm").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(CallNotPermittedException.class);
    }

    @Test
    @DisplayName("R-SEC a Keycloak answering 5xx opens the circuit too; its 4xx answers (a refused password, a user that exists) do not")
    void serverErrorsCountClientErrorsDoNot() throws Exception {
        AtomicInteger status = new AtomicInteger(400);
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            RestClient keycloak = KeycloakHttp.client("http://127.0.0.1:" + server.getAddress().getPort());
            for (int i = 0; i < 12; i++) {
                assertThatThrownBy(() -> keycloak.get().uri("/admin").retrieve().body(String.class))
                        .isNotInstanceOf(ResourceAccessException.class);
            }
            status.set(503);
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> keycloak.get().uri("/admin").retrieve().body(String.class))
                        .isInstanceOf(HttpServerErrorException.class);
            }
            int before = served.get();

            assertThatThrownBy(() -> keycloak.get().uri("/admin").retrieve().body(String.class))
                    .isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(CallNotPermittedException.class);
            assertThat(served.get()).as("refused without calling Keycloak").isEqualTo(before);
        } finally {
            server.stop(0);
        }
    }
}

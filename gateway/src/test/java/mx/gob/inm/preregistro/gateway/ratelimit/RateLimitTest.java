package mx.gob.inm.preregistro.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gob.inm.preregistro.gateway.StandInService;
import mx.gob.inm.preregistro.testing.MutableClock;

/**
 * The gateway's rate limits on the real gateway: small limits, a clock the test moves. The services stand behind one
 * plain HTTP server that answers every routed call {@code 200 {}}, so a call that passes the limiter gets 200 (or the
 * gateway's own 401/403 before routing), never 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret",
        "preregistro.gateway.rate-limits.captcha.capacity=3",
        "preregistro.gateway.rate-limits.captcha.refill-period=1m",
        "preregistro.gateway.rate-limits.registration.capacity=2",
        "preregistro.gateway.rate-limits.sign-in.capacity=4",
        "preregistro.gateway.rate-limits.uploads.capacity=2"})
class RateLimitTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    private static final StandInService SERVICES = StandInService.answering(exchange -> { });

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry registry) {
        String url = SERVICES.url();
        registry.add("IDENTITY_SERVICE_URL", () -> url);
        registry.add("DOCUMENT_SERVICE_URL", () -> url);
        registry.add("PREREGISTRATION_SERVICE_URL", () -> url);
        registry.add("KEYCLOAK_URL", () -> url);   // answers, so INGRESAR goes on to it and makes a session
    }

    @LocalServerPort
    int port;

    @Autowired
    RateLimitProperties properties;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** Every bucket of the previous test is full again. */
    @BeforeEach
    void later() {
        CLOCK.advance(Duration.ofHours(1));
    }

    @Test
    @DisplayName("R-SEC the N+1-th captcha from one address is a 429 problem+json in Spanish with Retry-After, whatever address its X-Forwarded-For or Forwarded names; another address is unaffected")
    void captchaPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/captcha", null).statusCode()).as("call %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/api/captcha", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429", "\"code\":\"RATE_LIMITED\"", "\"title\":\"Demasiadas solicitudes\"");
        assertThat(send(request("/api/captcha").header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9"), null).statusCode())
                .as("another address of the client's own saying (no proxy is trusted outside Kubernetes)").isEqualTo(429);
        assertThat(fromOtherAddress("GET /api/captcha")).startsWith("HTTP/1.1 200");
        assertThat(http.send(request("/api/captcha").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("Too many requests");
    }

    @Test
    @DisplayName("R-SEC a bucket refills with time: one call per refill share, Retry-After counting down")
    void refills() throws Exception {
        for (int i = 0; i < 3; i++) {
            get("/api/captcha", null);
        }
        assertThat(get("/api/captcha", null).headers().firstValue("Retry-After")).hasValue("20");

        CLOCK.advance(Duration.ofSeconds(19));
        HttpResponse<String> almost = get("/api/captcha", null);
        assertThat(almost.statusCode()).isEqualTo(429);
        assertThat(almost.headers().firstValue("Retry-After")).hasValue("1");

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(get("/api/captcha", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/captcha", null).statusCode()).isEqualTo(429);
    }

    @Test
    @DisplayName("R-SEC registration and INGRESAR are limited per address")
    void registrationAndSignIn() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/accounts", null).statusCode())
                    .as("through the limiter, then refused for want of a CSRF token").isEqualTo(403);
        }
        assertThat(post("/api/accounts", null).statusCode()).isEqualTo(429);

        for (int i = 0; i < 4; i++) {
            assertThat(get("/oauth2/authorization/keycloak", null).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> signIn = get("/oauth2/authorization/keycloak", null);
        assertThat(signIn.statusCode()).isEqualTo(429);
        assertThat(signIn.headers().firstValue("Retry-After")).hasValue("15");
        assertThat(fromOtherAddress("GET /oauth2/authorization/keycloak")).startsWith("HTTP/1.1 302");
    }

    @Test
    @DisplayName("R-DOC-3 R-PRE-4 uploads are limited per session: one session over its limit leaves another session alone")
    void uploadsPerSession() throws Exception {
        String first = session();
        String second = session();

        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/documents/scans", first).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> refused = post("/api/documents/scans", first);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("RATE_LIMITED");
        assertThat(put("/api/preregistrations/p1/attachments/LODGING", first).statusCode())
                .as("attachments share the uploads limit").isEqualTo(429);

        assertThat(post("/api/documents/scans", second).statusCode()).isEqualTo(403);
        assertThat(put("/api/preregistrations/p1/attachments/LODGING", second).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-SEC limits come from configuration")
    void configured() {
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.captcha().capacity()).isEqualTo(3);
        assertThat(properties.recovery().capacity()).isEqualTo(60);
        assertThat(properties.uploads().refillPeriod()).isEqualTo(Duration.ofMinutes(1));
    }

    /** A gateway session: INGRESAR stores its authorization request in one (then sends the browser to Keycloak). */
    private String session() throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/keycloak", null);
        return start.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(request(path).GET(), cookie);
    }

    private HttpResponse<String> post(String path, String cookie) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                cookie);
    }

    private HttpResponse<String> put(String path, String cookie) throws Exception {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")),
                cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line of a request sent from 127.0.0.2 (all of 127/8 is this machine). */
    private String fromOtherAddress(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"), 0)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}

package mx.gob.inm.preregistro.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gob.inm.preregistro.gateway.StandInService;

/**
 * The body limit on the real gateway, in front of a plain HTTP server standing in for identity-service that counts
 * what reaches it: a body over the limit is refused before it is routed, one at the limit goes through whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "KEYCLOAK_URL=http://127.0.0.1:1",
        "preregistro.gateway.rate-limits.enabled=false"})
class BodySizeLimitTest {

    private static final int LIMIT = 3 * 1024 * 1024;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicLong BYTES = new AtomicLong();
    private static final StandInService SERVICE = StandInService.answering(exchange -> {
        CALLS.incrementAndGet();
        try {
            BYTES.addAndGet(exchange.getRequestBody().readAllBytes().length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_SERVICE_URL", SERVICE::url);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void nothingReceivedYet() {
        CALLS.set(0);
        BYTES.set(0);
    }

    @Test
    @DisplayName("R-DOC-3 R-PRE-4 a body of 3 MB + 1 byte is a 413 problem+json (too_large, Spanish) and never reaches the service")
    void overTheLimitIsRefused() throws Exception {
        HttpResponse<String> refused = post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]), "es");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":413", "\"code\":\"too_large\"", "excede el tamaño máximo");
        assertThat(CALLS.get()).isZero();

        assertThat(post(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * LIMIT]), "en").body())
                .as("10 times the limit, in English").contains("\"code\":\"too_large\"", "exceeds the maximum");
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-DOC-3 R-PRE-4 a client still sending its 10 MB when the limit is known gets the 413 answer, not a reset connection")
    void slowSenderGetsTheAnswer() throws Exception {
        int size = 10 * 1024 * 1024;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            for (int sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
                out.flush();
                Thread.sleep(50);
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"too_large\"");
        }
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-DOC-3 R-PRE-4 a client waiting for 100 Continue before sending 5 MB gets the 413 at once, and sends nothing")
    void expectContinueRefusedAtOnce() throws Exception {
        String answer = raw("POST /api/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 5 * 1024 * 1024 + "\r\nExpect: 100-continue\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"too_large\"").doesNotContain("100 Continue");
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-DOC-3 R-PRE-4 a body of exactly 3 MB reaches the service whole")
    void atTheLimitPasses() throws Exception {
        HttpResponse<String> passed = post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT]), "es");

        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(CALLS.get()).isEqualTo(1);
        assertThat(BYTES.get()).isEqualTo(LIMIT);
    }

    @Test
    @DisplayName("a body that does not state its length (chunked) is a 411 problem+json and never reaches the service")
    void chunkedIsRefused() throws Exception {
        HttpResponse<String> refused = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.US_ASCII))), "es");

        assertThat(refused.statusCode()).isEqualTo(411);
        assertThat(refused.body()).contains("\"code\":\"length_required\"", "Content-Length");
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-SEC a chunked body whose chunk size cannot be read is the same 411 problem+json, not the HTTP server's empty 400")
    void unreadableChunkRefused() throws Exception {
        String answer = raw("POST /api/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 411").contains("application/problem+json",
                "\"code\":\"length_required\"", "Content-Length");
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-SEC a form-encoded body reaches the service whole at once: the CSRF token of an API call is read from its header, not from the body")
    void formBodyPasses() throws Exception {
        String form = "token=abc&password=x";
        HttpResponse<String> passed = post(HttpRequest.BodyPublishers.ofString(form),
                "application/x-www-form-urlencoded", "es");

        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(CALLS.get()).isEqualTo(1);
        assertThat(BYTES.get()).isEqualTo(form.length());
    }

    @Test
    @DisplayName("R-SEC the CSRF token only as a form field of an API call is no token: 403 problem+json, nothing routed")
    void tokenInFormOfCallRefused() throws Exception {
        String token = csrfToken();
        HttpResponse<String> refused = http.send(request("/api/accounts")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "XSRF-TOKEN=" + token)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"csrf\"");
        assertThat(CALLS.get()).isZero();
    }

    /** Sends exactly these bytes to the gateway; its answer, read until it closes the connection. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A write to identity-service's route with the CSRF token, as the UI sends it. */
    private HttpResponse<String> post(HttpRequest.BodyPublisher body, String language) throws Exception {
        return post(body, "application/json", language);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body, String contentType, String language)
            throws Exception {
        String token = csrfToken();
        return http.send(request("/api/accounts").header("Content-Type", contentType)
                .header("Accept-Language", language)
                .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The token of the CSRF cookie the portal's first page sets. */
    private String csrfToken() throws Exception {
        String cookie = http.send(request("/").build(), HttpResponse.BodyHandlers.ofString()).headers()
                .allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        return cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }
}

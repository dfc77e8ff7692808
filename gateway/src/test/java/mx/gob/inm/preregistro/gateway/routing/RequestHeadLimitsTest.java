package mx.gob.inm.preregistro.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gob.inm.preregistro.gateway.StandInService;

/**
 * A request's head the services could not take, on the real gateway in front of a stand-in for identity-service that
 * counts what reaches it: an address or headers too long for the gateway's HTTP server to read, more header lines
 * than the services read, a request line that is not HTTP. Each is a 4xx problem+json from the gateway, never the
 * bare status of the HTTP server nor a service's HTML error page, and none reaches the service. And the headers a
 * client may send about its connection or about proxies before the gateway, which never reach a service. Sent over a
 * raw socket: exactly these bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "KEYCLOAK_URL=http://127.0.0.1:1",
        "preregistro.gateway.rate-limits.enabled=false", "server.netty.idle-timeout=2s"})
class RequestHeadLimitsTest {

    private static final int MAX_LINES = 80;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicReference<Headers> RECEIVED = new AtomicReference<>();
    private static final StandInService SERVICE = StandInService.answeringInChunks(exchange -> {
        CALLS.incrementAndGet();
        RECEIVED.set(exchange.getRequestHeaders());
    });

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_SERVICE_URL", SERVICE::url);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void nothingReceivedYet() {
        CALLS.set(0);
    }

    @Test
    @DisplayName("R-SEC an address of 20,000 characters, or of a megabyte, is a 414 problem+json (uri_too_long, Spanish), not an empty 414 nor a reset connection")
    void addressTooLong() throws IOException {
        for (int length : new int[] {20_000, 1024 * 1024}) {
            String answer = send("GET /api/captcha?x=" + "A".repeat(length) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(answer).as("%d characters", length).startsWith("HTTP/1.1 414").contains(
                    "content-type: application/problem+json", "x-content-type-options: nosniff", "\"status\":414",
                    "\"code\":\"uri_too_long\"", "demasiado larga");
        }
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-SEC a header of 20 KB, or of a megabyte, is a 431 problem+json (headers_too_large), in Spanish: the languages asked for were not read")
    void headerTooLarge() throws IOException {
        for (int length : new int[] {20_000, 1024 * 1024}) {
            String answer = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en-GB,es;q=0.5\r\n"
                    + "X-Padding: " + "A".repeat(length) + "\r\n\r\n");

            assertThat(answer).as("%d bytes", length).startsWith("HTTP/1.1 431").contains(
                    "content-type: application/problem+json", "\"status\":431", "\"code\":\"headers_too_large\"",
                    "encabezados demasiado grandes");
        }
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-SEC an HTTP/1.1 request without Host, with two, or with one that is not host[:port] is a 400 problem+json (RFC 9112 3.2); a valid one is served, and HTTP/1.0 without one too")
    void hostNamedOnce() throws IOException {
        for (String hosts : new String[] {"", "Host: 127.0.0.1\r\nHost: evil.example\r\n", "Host: \r\n",
                "Host: a b\r\n", "Host: evil.example/x\r\n", "Host: user@evil.example\r\n", "Host: [::1\r\n",
                "Host: localhost:abc\r\n", "Host: localhost:8080, evil.example\r\n"}) {
            String answer = send("GET /api/captcha HTTP/1.1\r\n" + hosts + "\r\n");

            assertThat(answer).as(hosts).startsWith("HTTP/1.1 400").contains("content-type: application/problem+json",
                    "\"code\":\"request_rejected\"");
        }
        assertThat(CALLS.get()).isZero();

        for (String host : new String[] {"127.0.0.1:8080", "[::1]:8080", "localhost", "pre-registro.inm.gob.mx"}) {
            assertThat(send("GET /api/captcha HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
                    .as(host).startsWith("HTTP/1.1 200");
        }
        assertThat(send("GET /api/captcha HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200");
        assertThat(CALLS.get()).isEqualTo(5);
    }

    @Test
    @DisplayName("R-SEC a control character in a header's name or value (C1 from UTF-8 bytes read as ISO-8859-1, DEL, a vertical tab) is a 400 problem+json and never reaches a service; a tab, Latin-1 letters and ASCII are served")
    void controlCharactersInHeaders() throws IOException {
        for (String header : new String[] {"Accept: application/json\u0098", "Accept-Language: es\u0083",
                "User-Agent: snow \u00e2\u0098\u0083", "X-Anything: a\u007f", "X-Anything: a\u000bb",
                "X-An\u0085ything: a", "Content-Type: application/json; charset=x-\u0098"}) {
            String answer = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n\r\n");

            assertThat(answer).as(header).startsWith("HTTP/1.1 400").contains(
                    "content-type: application/problem+json", "\"code\":\"request_rejected\"");
        }
        assertThat(CALLS.get()).isZero();

        for (String header : new String[] {"User-Agent: Jos\u00e9 \u00f1and\u00fa", "X-Anything: a\tb",
                "Accept-Language: es-MX,es;q=0.9"}) {
            assertThat(send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header
                    + "\r\nConnection: close\r\n\r\n")).as(header).startsWith("HTTP/1.1 200");
        }
        assertThat(CALLS.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("R-SEC a client that ends its side of the connection after its request (half-close) gets the answer, and the gateway then closes; pipelined requests, the last with Connection: close, are all answered; an idle half-closed connection is closed at once")
    void halfClosingClient() throws IOException {
        String answer = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", true);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("connection: close").endsWith("{}\r\n0\r\n\r\n");

        String twoThenEnd = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", true);
        assertThat(twoThenEnd).as("the first answered, saying the connection closes: the client sends the second again")
                .startsWith("HTTP/1.1 200").contains("connection: close").endsWith("{}\r\n0\r\n\r\n");

        String pipelined = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", false).toLowerCase();
        assertThat(pipelined.split("http/1.1 200", -1)).as("three pipelined requests, the last closing: three answers")
                .hasSize(4);
        assertThat(pipelined.split("connection: close", -1)).as("the last answer only closes").hasSize(2);
        assertThat(pipelined).endsWith("connection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), port)) {
            idle.setSoTimeout(5_000);
            idle.shutdownOutput();
            assertThat(idle.getInputStream().read()).as("closed at once, nothing sent").isEqualTo(-1);
        }
    }

    @Test
    @DisplayName("R-SEC an HTTP/1.0 client gets a service's answer of unstated length without chunks, ended by closing the connection (RFC 9112 6.1), even when it asked to keep it; HTTP/1.1 gets chunks")
    void http10WithoutChunks() throws IOException {
        for (String keepAlive : new String[] {"", "Connection: keep-alive\r\n"}) {
            String answer = send("GET /api/captcha HTTP/1.0\r\nHost: 127.0.0.1\r\n" + keepAlive + "\r\n");

            assertThat(answer).as(keepAlive).startsWith("HTTP/1.1 200").doesNotContain("transfer-encoding")
                    .endsWith("\r\n\r\n{}");
        }
        assertThat(send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                .contains("transfer-encoding: chunked").endsWith("\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    }

    @Test
    @DisplayName("R-SEC a request to switch to WebSocket is served as the plain request it also is (no service speaks WebSocket), not answered 101 and cut")
    void noWebSocket() throws IOException {
        String answer = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, close\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(CALLS.get()).isEqualTo(1);
        assertThat(RECEIVED.get().containsKey("Upgrade")).isFalse();
    }

    @Test
    @DisplayName("R-SEC a request line that is not HTTP is a 400 problem+json (request_rejected)")
    void notHttp() throws IOException {
        String answer = send("HELLO\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("content-type: application/problem+json",
                "\"status\":400", "\"code\":\"request_rejected\"");
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-SEC an address that is not a URI (an escape that is not hex, a backslash, a space) is a 400 problem+json, not an empty 400")
    void addressNotUri() throws IOException {
        for (String address : new String[] {"/api/captcha/%zz", "/api/captcha?x=%G0", "/api\\captcha", "/api/captcha?x=a|b"}) {
            String answer = send("GET " + address + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(answer).as(address).startsWith("HTTP/1.1 400").contains("content-type: application/problem+json",
                    "\"code\":\"request_rejected\"", "no son válidos");
        }
        assertThat(CALLS.get()).isZero();
    }

    @Test
    @DisplayName("R-SEC a version other than HTTP/1.0 and 1.1 in the request line is a 505 problem+json; HTTP/1.0 is served")
    void otherHttpVersions() throws IOException {
        for (String version : new String[] {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9"}) {
            String answer = send("GET /api/captcha " + version + "\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(answer).as(version).startsWith("HTTP/1.1 505").contains("content-type: application/problem+json",
                    "\"status\":505", "\"code\":\"http_version_not_supported\"");
        }
        assertThat(CALLS.get()).isZero();

        assertThat(send("GET /api/captcha HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")).contains(" 200 ");
        assertThat(CALLS.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SEC more header lines than the services read is a 431 problem+json before routing; as many as allowed reach the service")
    void tooManyHeaderLines() throws IOException {
        String refused = send(withLines(MAX_LINES + 1));

        assertThat(refused).startsWith("HTTP/1.1 431").contains("content-type: application/problem+json",
                "\"code\":\"headers_too_large\"", "demasiados encabezados");
        assertThat(CALLS.get()).isZero();

        assertThat(send(withLines(MAX_LINES))).startsWith("HTTP/1.1 200");
        assertThat(CALLS.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SEC a connection that brings no request, or only half a head, is closed after the idle timeout; a kept-alive one after its last answer too")
    void idleConnectionsClosed() throws IOException {
        for (String opening : new String[] {"", "GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                "GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"}) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(opening.getBytes(StandardCharsets.US_ASCII));
                long start = System.nanoTime();
                byte[] answered = socket.getInputStream().readAllBytes();    // returns once the gateway closes
                double seconds = (System.nanoTime() - start) / 1e9;

                assertThat(seconds).as(opening).isBetween(1.0, 15.0);
                String answer = new String(answered, StandardCharsets.US_ASCII);
                if (opening.endsWith("\r\n\r\n")) {
                    assertThat(answer).startsWith("HTTP/1.1 200");
                } else {
                    assertThat(answer).as(opening).isEmpty();
                }
            }
        }
        assertThat(CALLS.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SEC headers about the client's connection and about proxies before the gateway do not reach the service; the others do")
    void connectionAndProxyHeadersStayAtTheGateway() throws IOException {
        String answer = send("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close, X-Hop\r\n"
                + "X-Hop: 1\r\nKeep-Alive: timeout=5\r\nProxy-Authorization: Basic eDp5\r\nTE: trailers\r\n"
                + "Forwarded: for=203.0.113.7;host=evil.example\r\nX-Forwarded-For: 203.0.113.7\r\n"
                + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Prefix: /evil\r\n"
                + "Content-Type: application/grpc\r\nAccept-Language: en\r\nX-Ordinary: kept\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
        Headers received = RECEIVED.get();
        for (String name : new String[] {"X-Hop", "Keep-Alive", "Proxy-Authorization", "TE", "Forwarded",
                "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix"}) {
            assertThat(received.containsKey(name)).as(name).isFalse();
        }
        assertThat(received.getFirst("Accept-Language")).isEqualTo("en");
        assertThat(received.getFirst("X-Ordinary")).isEqualTo("kept");
    }

    /** A GET of a public route with {@code lines} header lines in all, the same name repeated on most of them. */
    private static String withLines(int lines) {
        StringBuilder request = new StringBuilder("GET /api/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (int line = 2; line < lines; line++) {
            request.append("X-Repeated: ").append(line).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** Sends the bytes and reads the answer until the gateway closes the connection; headers in lower case. */
    private String send(String request) throws IOException {
        return send(request, false);
    }

    /** Sends the request's characters as bytes (ISO-8859-1), ending the client's side after it when asked. */
    private String send(String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int bodyStart = answer.indexOf("\r\n\r\n");
            return bodyStart < 0 ? answer : answer.substring(0, bodyStart).toLowerCase().replace("http/1.1", "HTTP/1.1")
                    + answer.substring(bodyStart);
        }
    }
}

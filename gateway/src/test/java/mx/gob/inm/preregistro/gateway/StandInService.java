package mx.gob.inm.preregistro.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on a free loopback port standing in for the services behind the gateway: it reads each
 * request's body, shows the request to the test, and answers {@code 200 {}}.
 */
public final class StandInService {

    private final HttpServer server;

    private StandInService(HttpServer server) {
        this.server = server;
    }

    /** Started, running until the JVM ends; {@code seen} sees each request (its body already read) before the answer. */
    public static StandInService answering(Consumer<HttpExchange> seen) {
        return started(seen, 2);
    }

    /** The same, the answer's length not stated ({@code Transfer-Encoding: chunked}), as Tomcat answers JSON. */
    public static StandInService answeringInChunks(Consumer<HttpExchange> seen) {
        return started(seen, 0);
    }

    /** {@code length}: the answer's {@code Content-Length}, or 0 for chunks. */
    private static StandInService started(Consumer<HttpExchange> seen, long length) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                seen.accept(exchange);
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, length);
                exchange.getResponseBody().write("{}".getBytes(StandardCharsets.US_ASCII));
                exchange.close();
            });
            server.start();
            return new StandInService(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}

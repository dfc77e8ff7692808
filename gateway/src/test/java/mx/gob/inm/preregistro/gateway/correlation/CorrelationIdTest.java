package mx.gob.inm.preregistro.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gob.inm.preregistro.gateway.StandInService;

/**
 * The correlation id on the real gateway, in front of a plain HTTP server standing in for fmme-service that records
 * the id it receives and echoes it, as every service does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "KEYCLOAK_URL=http://127.0.0.1:1"})
class CorrelationIdTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final StandInService SERVICE = StandInService.answering(exchange -> {
        String id = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        RECEIVED.add(id);
        exchange.getResponseHeaders().set("X-Correlation-Id", id);
    });

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("FMME_SERVICE_URL", SERVICE::url);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("a well-formed id from the caller goes to the service and comes back once")
    void callersIdKept() throws Exception {
        HttpResponse<String> response = get("trace-42");

        assertThat(RECEIVED).last().isEqualTo("trace-42");
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("trace-42");
    }

    @Test
    @DisplayName("without one, or with a malformed one, a new id goes to the service and comes back once")
    void newIdOtherwise() throws Exception {
        for (String offered : new String[] {null, "not valid <script>"}) {
            HttpResponse<String> response = get(offered);

            String sent = RECEIVED.get(RECEIVED.size() - 1);
            assertThat(sent).as(String.valueOf(offered)).matches("[0-9a-f-]{36}");
            assertThat(response.headers().allValues("X-Correlation-Id")).as(String.valueOf(offered))
                    .containsExactly(sent);
        }
    }

    private HttpResponse<String> get(String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/fmme/keys"));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

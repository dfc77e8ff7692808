package mx.gob.inm.preregistro.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service promises once it boots, inherited by one {@link IntegrationTest} per service: health UP with
 * its MongoDB and Kafka connections, Prometheus metrics, its own database.
 */
public abstract class ServiceBootChecks {

    @LocalServerPort
    protected int port;

    @Value("${spring.mongodb.database}")
    protected String database;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The database this service must own. */
    protected abstract String expectedDatabase();

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("boots with /actuator/health UP, including its MongoDB and Kafka connections")
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"").contains("\"kafka\"");
    }

    @Test
    @DisplayName("exposes Prometheus metrics on its own port")
    void prometheusMetrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("process_cpu_usage");
    }

    @Test
    @DisplayName("owns its own MongoDB database")
    void ownDatabase() {
        assertThat(database).isEqualTo(expectedDatabase());
    }
}

package mx.gob.inm.preregistro.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the gateway answers for addresses and methods nothing of it serves, on the real gateway (no service behind it
 * is needed): the same problem+json as its other errors, not Spring Boot's error JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "KEYCLOAK_URL=http://127.0.0.1:1",
        "preregistro.gateway.rate-limits.enabled=false"})
class ProblemErrorsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("R-SEC an address the gateway does not know is a 404 problem+json (not_found), in Spanish")
    void unknownAddress() throws Exception {
        HttpResponse<String> missing = send(request("/no-existe.html").header("Accept-Language", "es-CO").GET());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(missing.body()).contains("\"status\":404", "\"code\":\"not_found\"", "no existe")
                .doesNotContain("timestamp", "requestId", "path");
    }

    @Test
    @DisplayName("R-SEC R-OPS-3 the actuator is not on the public port (404 problem+json, in English when asked): health and metrics answer on the management port only")
    void actuatorOnlyOnTheManagementPort() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/health", "/actuator/health/liveness",
                "/actuator/prometheus"}) {
            HttpResponse<String> hidden = send(request(path).header("Accept-Language", "en").GET());
            assertThat(hidden.statusCode()).as(path).isEqualTo(404);
            assertThat(hidden.body()).as(path).contains("\"code\":\"not_found\"", "does not exist");
        }

        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> liveness = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).GET());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).GET());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    @DisplayName("R-SEC a method an address does not take is a 405 problem+json (method_not_allowed)")
    void methodNotAllowed() throws Exception {
        HttpResponse<String> first = send(request("/").GET());
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));

        HttpResponse<String> refused = send(request("/api/session").header("Cookie", "XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token).DELETE());

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":405", "\"code\":\"method_not_allowed\"");
    }

    @Test
    @DisplayName("R-SEC an Accept-Language or Accept that cannot be read still gets the gateway's problem+json, in Spanish, never a 500 (the portal's page: a 400)")
    void unreadableLanguagesAndTypes() throws Exception {
        for (String languages : new String[] {"***;q=abc", "es;q=2", "en;q=abc"}) {
            HttpResponse<String> missing = send(request("/no-existe.html").header("Accept-Language", languages).GET());
            assertThat(missing.statusCode()).as(languages).isEqualTo(404);
            assertThat(missing.body()).as(languages).contains("\"code\":\"not_found\"", "no existe");

            HttpResponse<String> signedOut = send(request("/api/session/me").header("Accept-Language", languages).GET());
            assertThat(signedOut.statusCode()).as(languages).isEqualTo(401);
            assertThat(signedOut.body()).as(languages).contains("\"code\":\"unauthenticated\"", "Ingrese");
        }
        for (String types : new String[] {"text", ";;;/", "application/json;q=x"}) {
            HttpResponse<String> missing = send(request("/no-existe.html").header("Accept", types).GET());
            assertThat(missing.statusCode()).as(types).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(missing.body()).as(types).contains("\"code\":\"not_found\"");

            HttpResponse<String> page = send(request("/").header("Accept", types).GET());
            assertThat(page.statusCode()).as("the portal's page, " + types).isEqualTo(400);
            assertThat(page.body()).as(types).contains("\"code\":\"request_rejected\"");
        }
    }

    @Test
    @DisplayName("UI a browser asking for a page at an address of its own (/ayuda, a link without its #) is sent to the portal's route of that name, query included; the API and other clients still get the 404 problem")
    void pagesAtTheirOwnAddress() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        Map<String, String> routes = Map.of(
                "/ayuda", "/#/ayuda",
                "/cuenta/activar?token=a%2Bb&x=1", "/#/cuenta/activar?token=a%2Bb&x=1",
                "/no-existe.html", "/#/no-existe.html",
                "/historial/", "/#/historial/");
        for (Map.Entry<String, String> route : routes.entrySet()) {
            HttpResponse<String> sent = send(request(route.getKey()).header("Accept", browser).GET());
            assertThat(sent.statusCode()).as(route.getKey()).isEqualTo(302);
            assertThat(sent.headers().firstValue("Location")).as(route.getKey()).contains(route.getValue());
            HttpResponse<String> head = send(request(route.getKey()).header("Accept", browser)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).as("HEAD " + route.getKey()).isEqualTo(302);
        }

        HttpResponse<String> api = send(request("/api/no-existe").header("Accept", browser).GET());
        assertThat(api.statusCode()).as("the API asks for a session; it sends nobody to a page").isEqualTo(401);
        Map<String, HttpRequest.Builder> notPages = Map.of(
                "a client that does not name HTML", request("/ayuda").header("Accept", "*/*").GET(),
                "a client that sends no Accept", request("/ayuda").GET(),
                "an unreadable Accept", request("/ayuda").header("Accept", "text/html, ;;;/").GET());
        for (Map.Entry<String, HttpRequest.Builder> notPage : notPages.entrySet()) {
            HttpResponse<String> missing = send(notPage.getValue());
            assertThat(missing.statusCode()).as(notPage.getKey()).isEqualTo(404);
            assertThat(missing.body()).as(notPage.getKey()).contains("\"code\":\"not_found\"");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }
}

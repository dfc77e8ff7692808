package mx.gob.inm.preregistro.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gob.inm.preregistro.gateway.StandInService;

/** The gateway's rules for who may call what, before any service is involved. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_CLIENT_SECRET=test-secret", "IDENTITY_SERVICE_URL=http://127.0.0.1:1"})
class GatewaySecurityTest {

    /** Keycloak's address: something that answers, so INGRESAR goes on to it ({@code SignInAvailability}). */
    private static final StandInService KEYCLOAK = StandInService.answering(exchange -> { });

    @DynamicPropertySource
    static void keycloakAnswers(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_URL", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    @DisplayName("an API call without a session is a 401 problem+json, not a redirect")
    void apiNeedsASession() throws Exception {
        HttpResponse<String> response = send(request("/api/documents"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unauthenticated\"", "Ingrese para continuar.");
    }

    @Test
    @DisplayName("R-ACC-8 INGRESAR starts OIDC authorization code with PKCE (S256) at Keycloak's realm inm, as client gateway, in the portal's language")
    void signInStartsCodeFlowWithPkce() throws Exception {
        HttpResponse<String> response = send(request("/oauth2/authorization/keycloak"));

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(KEYCLOAK.url() + "/realms/inm/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=gateway", "code_challenge_method=S256",
                        "code_challenge=", "scope=openid", "ui_locales=es");
        assertThat(send(request("/oauth2/authorization/keycloak?lang=en")).headers().firstValue("Location"))
                .hasValueSatisfying(english -> assertThat(english).contains("ui_locales=en"));
    }

    @Test
    @DisplayName("the UI is public and hands the browser the CSRF token in the XSRF-TOKEN cookie")
    void uiIsPublicAndSetsTheCsrfCookie() throws Exception {
        HttpResponse<String> response = send(request("/"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").doesNotContain("HttpOnly"));

        HttpResponse<String> head = send(request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).as("HEAD / as GET /, without the page").isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(head.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'");
    }

    @Test
    @DisplayName("a write without the CSRF token is refused; with the cookie echoed in X-XSRF-TOKEN it passes to the service")
    void writesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> refused = send(request("/api/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"csrf\"", "Recárguela");

        String cookie = send(request("/")).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
        HttpResponse<String> passed = send(request("/api/accounts").header("Content-Type", "application/json")
                .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(passed.statusCode()).as("reached the routing (identity-service is not running here)")
                .isNotIn(401, 403);
    }

    @Test
    @DisplayName("R-FMM-6 R-SEC a seal's verification and the partners' API make no session and no CSRF cookie, carry the security headers, and partners write with their own token, without CSRF")
    void machineCallsAreStateless() throws Exception {
        for (HttpRequest.Builder call : List.of(request("/api/fmme/verify?seal=x"), request("/api/fmme/keys"),
                request("/api/fmme/keys").method("HEAD", HttpRequest.BodyPublishers.noBody()),
                request("/api/partners/decisions?since=0"),
                request("/api/partners/subscriptions").header("Authorization", "Bearer partner-token")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")))) {
            HttpResponse<String> response = send(call);

            assertThat(response.statusCode()).as("reached the routing (no service runs here)").isEqualTo(503);
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        HttpResponse<String> write = send(request("/api/fmme/verify").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(write.statusCode()).as("anything but reading a seal stays on the session's rules").isEqualTo(403);
    }

    @Test
    @DisplayName("R-ACC-8 a sign-in that comes back from Keycloak and cannot be completed (a state this session never sent: the login page left open, or the gateway restarted) goes to the portal's page 'No fue posible ingresar', not to /login?error")
    void signInNotCompleted() throws Exception {
        HttpResponse<String> response = send(request("/login/oauth2/code/keycloak?code=abc&state=never-sent"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/#/ingreso-fallido");
    }

    @Test
    @DisplayName("R-SEC a service that is down gives a 503 problem+json in Spanish (English on request), never a bare 500")
    void serviceDownIsAProblem() throws Exception {
        HttpResponse<String> spanish = send(request("/api/captcha"));
        HttpResponse<String> english = send(request("/api/captcha").header("Accept-Language", "en"));

        assertThat(spanish.statusCode()).isEqualTo(503);
        assertThat(spanish.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(spanish.body()).contains("\"code\":\"service_unavailable\"", "no está disponible");
        assertThat(spanish.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(english.body()).contains("not available");
    }

    @Test
    @DisplayName("R-SEC security headers: a CSP without inline scripts, no framing, nosniff, referrer policy, camera only for the portal")
    void securityHeaders() throws Exception {
        HttpResponse<String> page = send(request("/"));

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'",
                "form-action 'self' " + KEYCLOAK.url());
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=(self)");
    }

    @Test
    @DisplayName("R-SEC an address the gateway refuses (encoded traversal, NUL, escapes that are not UTF-8) is a 400 problem+json, not an empty or HTML answer")
    void firewallRefusalIsAProblem() throws Exception {
        for (String path : new String[] {"/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/a%00b",
                "/api/documents/%2e%2e/x", "/api/documents/%C3%28", "/api/fmme/verify?seal=%ED%A0%80"}) {
            HttpResponse<String> response = send(request(path));

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"request_rejected\"");
        }
    }

    @Test
    @DisplayName("the session endpoint tells the UI nobody is signed in")
    void anonymousSession() throws Exception {
        HttpResponse<String> response = send(request("/api/session"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"authenticated\":false}");
    }
}

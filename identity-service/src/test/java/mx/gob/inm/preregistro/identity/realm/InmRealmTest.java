package mx.gob.inm.preregistro.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer;

/**
 * Realm {@code inm} as imported from {@code deploy/keycloak} into a real Keycloak (the harness's shared server):
 * the password policy of R-ACC-3 and the brute-force protection of R-ACC-8 are Keycloak's own rules.
 */
class InmRealmTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static KeycloakServer keycloak;
    private static String adminToken;

    @BeforeAll
    static void signInAsAdmin() throws Exception {
        keycloak = Infrastructure.shared().keycloak();
        adminToken = keycloak.adminAccessToken();
    }

    @Test
    @DisplayName("R-ACC-8 realm inm is imported with brute-force protection, Spanish first, and the gateway's confidential PKCE client")
    void realmSettings() throws Exception {
        JsonNode realm = json.readTree(admin("GET", "/admin/realms/inm", null).body());

        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isPositive();
        assertThat(realm.get("defaultLocale").asString()).isEqualTo("es");
        JsonNode gateway = json.readTree(admin("GET", "/admin/realms/inm/clients?clientId=gateway", null).body()).get(0);
        assertThat(gateway.get("publicClient").asBoolean()).isFalse();
        assertThat(gateway.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
    }

    @Test
    @DisplayName("R-ACC-8 the sign-in page is the portal's: theme inm in Spanish (INGRESAR, Correo electrónico) with the INM styles, English on request")
    void loginThemeInSpanish() throws Exception {
        String authorize = keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=gateway&response_type=code"
                + "&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Flogin%2Foauth2%2Fcode%2Fkeycloak"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        HttpResponse<String> spanish = http.send(HttpRequest.newBuilder(URI.create(authorize + "&ui_locales=es"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create(authorize + "&ui_locales=en"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(spanish.body()).contains("INGRESAR", "Correo electrónico", "Portal de Servicios del INM",
                "/login/inm/css/inm.css", "id=\"kc-login\"", "id=\"username\"");
        assertThat(english.body()).contains("SIGN IN", "E-mail");
    }

    @Test
    @DisplayName("R-ACC-3 Keycloak refuses passwords that break the policy ('.', 'ñ', no digit, too short) and takes a good one")
    void passwordPolicy() throws Exception {
        String userId = createUser("politica." + UUID.randomUUID() + "@example.co");

        for (String bad : new String[] {"Clave.2026!", "Contraseña1!", "SinDigitos!", "Ab1!", "sinmayus1!"}) {
            assertThat(setPassword(userId, bad).statusCode()).as("password %s", bad).isEqualTo(400);
        }
        assertThat(setPassword(userId, "Viajero#2026").statusCode()).isEqualTo(204);
    }

    private String createUser(String email) throws Exception {
        HttpResponse<String> created = admin("POST", "/admin/realms/inm/users",
                "{\"username\":\"" + email + "\",\"email\":\"" + email + "\",\"enabled\":true,"
                        + "\"firstName\":\"Ana\",\"lastName\":\"Ruiz\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> setPassword(String userId, String password) throws Exception {
        return admin("PUT", "/admin/realms/inm/users/" + userId + "/reset-password",
                "{\"type\":\"password\",\"temporary\":false,\"value\":\"" + password + "\"}");
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.url() + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

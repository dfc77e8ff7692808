package mx.gob.inm.preregistro.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** The signed-in holder's own account: Información, Contraseña, data export and closure, and sign-in rules. */
class ProfileTest extends KeycloakBackedTest {

    /** The password the harness gives its travellers. */
    private static final String PASSWORD = "Viajero#2026";

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    private static TestTraveller traveller(String email) {
        return Infrastructure.shared().keycloak().traveller(email);
    }

    private HttpResponse<String> send(TestTraveller traveller, String method, String path, Object body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", traveller.bearer()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What Keycloak answers a sign-in with this e-mail and password (the login page's check, as a password grant). */
    private static int signIn(String email, String password) throws Exception {
        String form = "grant_type=password&client_id=harness-tests&username="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(Infrastructure.shared().keycloak().realmUrl()
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private Map<String, Object> change(String current, String next, String confirmation) throws Exception {
        String[] captcha = captcha();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("currentPassword", current);
        form.put("newPassword", next);
        form.put("newPasswordConfirmation", confirmation);
        form.put("captchaId", captcha[0]);
        form.put("captchaAnswer", captcha[1]);
        return form;
    }

    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        read(response.body()).get("errors").forEach(e -> errors.add(e.get("field").asString() + ":"
                + e.get("code").asString()));
        return errors;
    }

    @Test
    @DisplayName("R-ACC-9 Información: GET /api/accounts/me gives the holder's e-mail and names from Keycloak")
    void information() throws Exception {
        TestTraveller ana = traveller("ana.info@example.com");

        JsonNode me = read(send(ana, "GET", "/api/accounts/me", null).body());

        assertThat(me.get("email").asString()).isEqualTo("ana.info@example.com");
        assertThat(me.get("givenNames").asString()).isEqualTo("Ana");
    }

    @Test
    @DisplayName("R-ACC-9 R-ACC-3 Contraseña: rule errors per field, a wrong current password on currentPassword; the right one changes it (old refused, new signs in) with PasswordChanged")
    void changePassword() throws Exception {
        TestTraveller ana = traveller("ana.cambia@example.com");

        HttpResponse<String> badForm = send(ana, "POST", "/api/accounts/me/password",
                change("", "corta", "otra"));
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(errors(badForm)).contains("currentPassword:required", "newPasswordConfirmation:password_mismatch")
                .anyMatch(error -> error.startsWith("newPassword:"));

        HttpResponse<String> wrongCurrent = send(ana, "POST", "/api/accounts/me/password",
                change("NoEsLaMia#1", "Nueva#2027x", "Nueva#2027x"));
        assertThat(errors(wrongCurrent)).containsExactly("currentPassword:current_password");
        assertThat(read(wrongCurrent.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("La contraseña actual no es correcta.");

        HttpResponse<String> changed = send(ana, "POST", "/api/accounts/me/password",
                change(PASSWORD, "Nueva#2027x", "Nueva#2027x"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(signIn("ana.cambia@example.com", PASSWORD)).isEqualTo(401);
        assertThat(signIn("ana.cambia@example.com", "Nueva#2027x")).isEqualTo(200);
        JsonNode event = event("PasswordChanged", ana.id());
        assertThat(event.get("origin").asString()).isEqualTo("ACCOUNT_MENU");
        assertThat(event.get("email").asString()).isEqualTo("ana.cambia@example.com");
    }

    @Test
    @DisplayName("R-ENT-5 access: GET /api/accounts/me/export downloads everything held about the holder as JSON")
    void export() throws Exception {
        TestTraveller ana = traveller("ana.exporta@example.com");

        HttpResponse<String> export = send(ana, "GET", "/api/accounts/me/export", null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).get().asString().contains("attachment");
        JsonNode data = read(export.body());
        assertThat(data.get("accountId").asString()).isEqualTo(ana.id());
        assertThat(data.get("email").asString()).isEqualTo("ana.exporta@example.com");
        assertThat(data.get("heldElsewhere").get("scans").asString()).isEqualTo("/api/documents/scans");
        assertThat(data.get("heldElsewhere").get("mails").asString()).isEqualTo("/api/notifications");
    }

    @Test
    @DisplayName("R-ENT-5 cancellation: DELETE /api/accounts/me → 202, the Keycloak user is gone, personal data erased here, AccountClosed published")
    void close() throws Exception {
        TestTraveller ana = traveller("ana.cierra@example.com");

        HttpResponse<String> closed = send(ana, "DELETE", "/api/accounts/me", null);

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        assertThat(keycloakUsers("ana.cierra@example.com")).isEmpty();
        assertThat(signIn("ana.cierra@example.com", PASSWORD)).isEqualTo(401);
        assertThat(event("AccountClosed", ana.id()).get("email").asString()).isEqualTo("ana.cierra@example.com");
        Account account = mongo.findById(ana.id(), Account.class, Account.COLLECTION);
        assertThat(account.email()).isNull();
        assertThat(account.closedAt()).isNotNull();
    }

    @Test
    @DisplayName("R-ACC-8 ten wrong passwords lock sign-in: then even the right one is refused")
    void bruteForceLock() throws Exception {
        traveller("ana.bloqueo@example.com");
        assertThat(signIn("ana.bloqueo@example.com", PASSWORD)).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            assertThat(signIn("ana.bloqueo@example.com", "Equivocada#" + i)).isNotEqualTo(200);
        }

        assertThat(signIn("ana.bloqueo@example.com", PASSWORD)).isNotEqualTo(200);
    }

    @Test
    @DisplayName("R-ACC-5 R-ACC-6 an account that was not activated cannot sign in")
    void inactiveCannotSignIn() throws Exception {
        String[] captcha = captcha();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("givenNames", "Luis");
        form.put("firstSurname", "Pérez");
        form.put("nationality", "COL");
        form.put("birthDate", "1985-01-20");
        form.put("sex", "M");
        form.put("email", "luis.inactivo@example.com");
        form.put("emailConfirmation", "luis.inactivo@example.com");
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("privacyAccepted", true);
        form.put("captchaId", captcha[0]);
        form.put("captchaAnswer", captcha[1]);
        assertThat(post("/api/accounts", form).statusCode()).isEqualTo(201);
        traveller("someone.else@example.com");   // makes sure the harness's sign-in client exists

        assertThat(signIn("luis.inactivo@example.com", PASSWORD)).isNotEqualTo(200);
    }
}

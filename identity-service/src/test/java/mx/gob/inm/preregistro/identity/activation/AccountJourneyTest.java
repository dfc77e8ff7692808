package mx.gob.inm.preregistro.identity.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;

/** Registration and activation against the real Keycloak, MongoDB and Kafka of the harness. */
class AccountJourneyTest extends KeycloakBackedTest {

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    private Map<String, Object> form(String email) throws Exception {
        String[] captcha = captcha();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("givenNames", "Ana María");
        form.put("firstSurname", "Ruiz");
        form.put("secondSurname", "Gómez");
        form.put("nationality", "COL");
        form.put("birthDate", "1990-04-02");
        form.put("sex", "F");
        form.put("email", email);
        form.put("emailConfirmation", email);
        form.put("password", "Viajero#2026");
        form.put("passwordConfirmation", "Viajero#2026");
        form.put("privacyAccepted", true);
        form.put("captchaId", captcha[0]);
        form.put("captchaAnswer", captcha[1]);
        form.put("language", "es");
        return form;
    }

    @Test
    @DisplayName("R-ACC-5 R-ACC-6 register → disabled Keycloak user with its attributes and AccountRegistered with the link; activate → enabled; again → 409")
    void registerAndActivate() throws Exception {
        String email = "viajera." + UUID.randomUUID() + "@example.co";

        HttpResponse<String> created = post("/api/accounts", form(email));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created.body()).get("status").asString()).isEqualTo("PENDING_ACTIVATION");
        JsonNode user = keycloakUser(email);
        assertThat(user.get("enabled").asBoolean()).isFalse();
        assertThat(user.get("emailVerified").asBoolean()).isFalse();
        assertThat(user.get("firstName").asString()).isEqualTo("Ana María");
        assertThat(user.get("lastName").asString()).isEqualTo("Ruiz");
        JsonNode attributes = user.get("attributes");
        assertThat(attributes.get("birthDate").get(0).asString()).isEqualTo("1990-04-02");
        assertThat(attributes.get("secondSurname").get(0).asString()).isEqualTo("Gómez");
        assertThat(attributes.get("nationality").get(0).asString()).isEqualTo("COL");
        assertThat(attributes.get("sex").get(0).asString()).isEqualTo("F");
        assertThat(attributes.get("language").get(0).asString()).isEqualTo("es");

        JsonNode registered = event("AccountRegistered", user.get("id").asString());
        assertThat(registered.get("email").asString()).isEqualTo(email);
        assertThat(Instant.parse(registered.get("activationExpiresAt").asString()))
                .isEqualTo(START.plus(Duration.ofHours(72)));
        String link = registered.get("activationLink").asString();
        assertThat(link).startsWith("http://localhost:8080/#/cuenta/activar?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        HttpResponse<String> activated = post("/api/accounts/activation", Map.of("token", token));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        JsonNode active = keycloakUser(email);
        assertThat(active.get("enabled").asBoolean()).isTrue();
        assertThat(active.get("emailVerified").asBoolean()).isTrue();
        assertThat(active.get("attributes").get("birthDate").get(0).asString()).isEqualTo("1990-04-02");
        assertThat(event("AccountActivated", user.get("id").asString()).get("email").asString()).isEqualTo(email);

        HttpResponse<String> again = post("/api/accounts/activation", Map.of("token", token));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again.body()).get("code").asString()).isEqualTo("activation_used");
    }

    @Test
    @DisplayName("R-ACC-6 an activation link older than 72 hours answers 410; an unknown token 400 on field token")
    void expiredLink() throws Exception {
        String email = "tarde." + UUID.randomUUID() + "@example.co";
        assertThat(post("/api/accounts", form(email)).statusCode()).isEqualTo(201);
        String id = keycloakUser(email).get("id").asString();
        String link = event("AccountRegistered", id).get("activationLink").asString();
        String token = link.substring(link.indexOf("token=") + "token=".length());

        clock.advance(Duration.ofHours(72).plusMinutes(1));
        HttpResponse<String> expired = post("/api/accounts/activation", Map.of("token", token));

        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(410);
        assertThat(read(expired.body()).get("code").asString()).isEqualTo("activation_expired");
        assertThat(keycloakUser(email).get("enabled").asBoolean()).isFalse();
        HttpResponse<String> unknown = post("/api/accounts/activation", Map.of("token", token + "x"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(read(unknown.body()).get("errors").get(0).get("field").asString()).isEqualTo("token");
    }

    @Test
    @DisplayName("R-ACC-7 registering an e-mail that has an account answers the same 201, creates no user and emits ExistingAccountRegistrationAttempted")
    void sameEmailAgain() throws Exception {
        String email = "dos.veces." + UUID.randomUUID() + "@example.co";
        HttpResponse<String> first = post("/api/accounts", form(email));
        String id = keycloakUser(email).get("id").asString();

        Map<String, Object> second = form(email.toUpperCase());
        second.put("emailConfirmation", email.toUpperCase());
        HttpResponse<String> again = post("/api/accounts", second);

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(keycloakUsers(email)).hasSize(1);
        JsonNode attempted = event("ExistingAccountRegistrationAttempted", id);
        assertThat(attempted.get("email").asString()).isEqualTo(email);
        assertThat(attempted.get("accountActive").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R-ACC-2 R-ACC-10 a form with errors answers 400 per field without spending the captcha; a wrong captcha → captchaAnswer")
    void formErrorsKeepTheCaptcha() throws Exception {
        String email = "menor." + UUID.randomUUID() + "@example.co";
        Map<String, Object> form = form(email);
        form.put("birthDate", "2008-06-16");   // 18 on 2026-06-16, one day after START's Mexico City date
        form.put("password", "Contraseña.1");
        form.put("passwordConfirmation", "Contraseña.1");

        HttpResponse<String> refused = post("/api/accounts", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        read(refused.body()).get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(errors).containsExactlyInAnyOrder("birthDate:under_age", "password:password_special",
                "password:password_forbidden_chars");
        assertThat(read(refused.body()).get("errors").get(0).get("message").asString()).isNotBlank();
        assertThat(keycloakUsers(email)).isEmpty();

        form.put("birthDate", "2008-06-15");   // exactly 18 today
        form.put("password", "Viajero#2026");
        form.put("passwordConfirmation", "Viajero#2026");
        HttpResponse<String> corrected = post("/api/accounts", form);   // same captcha: it was not spent
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);

        Map<String, Object> wrong = form("otra." + UUID.randomUUID() + "@example.co");
        wrong.put("captchaAnswer", "AAAAAA".equals(wrong.get("captchaAnswer")) ? "BBBBBB" : "AAAAAA");
        HttpResponse<String> wrongCaptcha = post("/api/accounts", wrong);
        assertThat(wrongCaptcha.statusCode()).isEqualTo(400);
        assertThat(read(wrongCaptcha.body()).get("errors").get(0).get("field").asString()).isEqualTo("captchaAnswer");
    }
}

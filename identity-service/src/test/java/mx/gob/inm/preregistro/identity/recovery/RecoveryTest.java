package mx.gob.inm.preregistro.identity.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer;

/** Recovery (R-ACC-7) and password reset (R-ACC-3) against the real Keycloak, MongoDB and Kafka of the harness. */
class RecoveryTest extends KeycloakBackedTest {

    private static final String PASSWORD = "Viajero#2026";

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    @DisplayName("R-ACC-7 recovery of an unknown e-mail answers exactly like a known one (202, same body) and emits nothing")
    void unknownEmailLooksTheSame() throws Exception {
        String known = "conocida." + UUID.randomUUID() + "@example.co";
        activeAccount(known);
        String unknown = "nadie." + UUID.randomUUID() + "@example.co";

        for (String type : List.of("PASSWORD", "ACTIVATION")) {
            HttpResponse<String> forKnown = post("/api/accounts/recovery", recovery(known, type));
            HttpResponse<String> forUnknown = post("/api/accounts/recovery", recovery(unknown, type));

            assertThat(forKnown.statusCode()).as(forKnown.body()).isEqualTo(202);
            assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode());
            assertThat(forUnknown.body()).isEqualTo(forKnown.body());
            assertThat(forUnknown.headers().firstValue("Content-Type"))
                    .isEqualTo(forKnown.headers().firstValue("Content-Type"));
        }
        // events live only in account documents' outboxes: no user, no document, nothing to publish
        assertThat(keycloakUsers(unknown)).isEmpty();
        assertThat(mongo.count(query(where("email").is(unknown)), Account.COLLECTION)).isZero();
    }

    @Test
    @DisplayName("R-ACC-7 R-ACC-6 ACTIVATION for an inactive account emits ActivationLinkRequested whose new link activates; the old link is refused")
    void resendActivationLink() throws Exception {
        String email = "inactiva." + UUID.randomUUID() + "@example.co";
        register(email);
        String id = keycloakUser(email).get("id").asString();
        String oldToken = token(event("AccountRegistered", id).get("activationLink").asString());

        HttpResponse<String> accepted = post("/api/accounts/recovery", recovery(email, "ACTIVATION"));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode requested = event("ActivationLinkRequested", id);
        assertThat(requested.get("email").asString()).isEqualTo(email);
        assertThat(requested.get("givenNames").asString()).isEqualTo("Ana María");
        assertThat(requested.get("language").asString()).isEqualTo("es");
        assertThat(Instant.parse(requested.get("activationExpiresAt").asString()))
                .isEqualTo(START.plus(Duration.ofHours(72)));
        String link = requested.get("activationLink").asString();
        assertThat(link).startsWith("http://localhost:8080/#/cuenta/activar?token=");
        String newToken = token(link);
        assertThat(newToken).isNotEqualTo(oldToken);

        HttpResponse<String> old = post("/api/accounts/activation", Map.of("token", oldToken));
        assertThat(old.statusCode()).as(old.body()).isEqualTo(400);
        assertThat(read(old.body()).get("errors").get(0).get("field").asString()).isEqualTo("token");
        HttpResponse<String> activated = post("/api/accounts/activation", Map.of("token", newToken));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(keycloakUser(email).get("enabled").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("R-ACC-7 ACTIVATION for an active account emits nothing; PASSWORD for an active account emits PasswordResetRequested")
    void activeAccount() throws Exception {
        String email = "activa." + UUID.randomUUID() + "@example.co";
        String id = activeAccount(email);

        assertThat(post("/api/accounts/recovery", recovery(email, "ACTIVATION")).statusCode()).isEqualTo(202);
        assertThat(post("/api/accounts/recovery", recovery(email, "PASSWORD")).statusCode()).isEqualTo(202);

        // the account's events are in order (one key): nothing between the activation and the reset request
        assertThat(eventTypesUntil(id, "PasswordResetRequested"))
                .containsExactly("AccountRegistered", "AccountActivated", "PasswordResetRequested");
        JsonNode requested = event("PasswordResetRequested", id);
        assertThat(requested.get("email").asString()).isEqualTo(email);
        assertThat(requested.get("resetLink").asString()).startsWith("http://localhost:8080/#/cuenta/restablecer?token=");
        assertThat(Instant.parse(requested.get("resetExpiresAt").asString())).isEqualTo(START.plus(Duration.ofMinutes(60)));
    }

    @Test
    @DisplayName("R-ACC-7 R-ACC-3 reset: a bad password gives one error per broken rule; a good one is set in Keycloak with PasswordChanged; reused → 409")
    void resetPassword() throws Exception {
        String email = "olvido." + UUID.randomUUID() + "@example.co";
        String id = activeAccount(email);
        assertThat(post("/api/accounts/recovery", recovery(email, "PASSWORD")).statusCode()).isEqualTo(202);
        String token = token(event("PasswordResetRequested", id).get("resetLink").asString());

        HttpResponse<String> bad = post("/api/accounts/password-reset",
                Map.of("token", token, "password", "abc.", "passwordConfirmation", "abcd"));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(errors(bad)).containsExactlyInAnyOrder("password:password_length", "password:password_digit",
                "password:password_upper", "password:password_special", "password:password_forbidden_chars",
                "passwordConfirmation:password_mismatch");

        long before = passwordCreatedDate(id);
        String newPassword = "Nueva&Clave77";
        HttpResponse<String> reset = post("/api/accounts/password-reset",
                Map.of("token", token, "password", newPassword, "passwordConfirmation", newPassword));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        // sign-in proof is not possible (no client of the realm allows direct access grants): the admin API shows
        // the password credential replaced
        assertThat(passwordCreatedDate(id)).isGreaterThan(before);
        JsonNode changed = event("PasswordChanged", id);
        assertThat(changed.get("origin").asString()).isEqualTo("RESET_LINK");
        assertThat(changed.get("email").asString()).isEqualTo(email);

        HttpResponse<String> reused = post("/api/accounts/password-reset",
                Map.of("token", token, "password", newPassword, "passwordConfirmation", newPassword));
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
        assertThat(read(reused.body()).get("code").asString()).isEqualTo("reset_used");

        HttpResponse<String> unknown = post("/api/accounts/password-reset",
                Map.of("token", token + "x", "password", newPassword, "passwordConfirmation", newPassword));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errors(unknown)).containsExactly("token:reset_token");
    }

    @Test
    @DisplayName("R-ACC-7 a reset link older than 60 minutes answers 410 reset_expired")
    void expiredResetLink() throws Exception {
        String email = "lenta." + UUID.randomUUID() + "@example.co";
        String id = activeAccount(email);
        assertThat(post("/api/accounts/recovery", recovery(email, "PASSWORD")).statusCode()).isEqualTo(202);
        String token = token(event("PasswordResetRequested", id).get("resetLink").asString());

        clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> expired = post("/api/accounts/password-reset",
                Map.of("token", token, "password", "Nueva&Clave77", "passwordConfirmation", "Nueva&Clave77"));

        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(410);
        assertThat(read(expired.body()).get("code").asString()).isEqualTo("reset_expired");
    }

    @Test
    @DisplayName("R-ACC-7 R-SEC at most 10 e-mails a day that anyone knowing the address can cause: an 11th reset link and a registration attempted again answer as always and send nothing; a day later they go again")
    void requestedMailsPerDayBounded() throws Exception {
        String email = "buzon." + UUID.randomUUID() + "@example.co";
        String id = activeAccount(email);
        resetLinksAsked(email, 10);

        HttpResponse<String> eleventh = post("/api/accounts/recovery", recovery(email, "PASSWORD"));
        assertThat(eleventh.statusCode()).as(eleventh.body()).isEqualTo(202);
        register(email);
        clock.set(START.plus(Duration.ofDays(1)).plusSeconds(1));
        register(email);

        // nothing between the tenth reset link and the registration attempted a day later
        List<String> expected = new ArrayList<>(List.of("AccountRegistered", "AccountActivated"));
        expected.addAll(Collections.nCopies(10, "PasswordResetRequested"));
        expected.add("ExistingAccountRegistrationAttempted");
        assertThat(eventTypesUntil(id, "ExistingAccountRegistrationAttempted")).isEqualTo(expected);
    }

    @Test
    @DisplayName("R-ACC-7 R-SEC the 10 e-mails a day hold for simultaneous requests: with 8 sent, 6 reset requests at once send at most 2 more (each writes only if no other wrote the day's e-mails since it read them; the others read again)")
    void requestedMailsPerDayBoundedWhenSimultaneous() throws Exception {
        String email = "rafaga." + UUID.randomUUID() + "@example.co";
        String id = activeAccount(email);
        resetLinksAsked(email, 8);
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            forms.add(recovery(email, "PASSWORD"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(forms.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            forms.forEach(form -> answers.add(pool.submit(() -> post("/api/accounts/recovery", form))));
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }
        clock.set(START.plus(Duration.ofDays(1)).plusSeconds(1));
        register(email);   // a day later: the last event about the account

        List<String> types = eventTypesUntil(id, "ExistingAccountRegistrationAttempted");
        assertThat(Collections.frequency(types, "PasswordResetRequested")).isBetween(9, 10);
    }

    @Test
    @DisplayName("R-ACC-7 R-ACC-10 recovery form errors answer 400 per field; a wrong captcha → captchaAnswer")
    void recoveryFormErrors() throws Exception {
        Map<String, Object> invalid = recovery("no-es-correo", "OTRO");
        HttpResponse<String> refused = post("/api/accounts/recovery", invalid);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactlyInAnyOrder("email:email", "type:invalid");

        Map<String, Object> wrong = recovery("alguien." + UUID.randomUUID() + "@example.co", "PASSWORD");
        wrong.put("captchaAnswer", "AAAAAA".equals(wrong.get("captchaAnswer")) ? "BBBBBB" : "AAAAAA");
        HttpResponse<String> wrongCaptcha = post("/api/accounts/recovery", wrong);
        assertThat(wrongCaptcha.statusCode()).isEqualTo(400);
        assertThat(errors(wrongCaptcha)).containsExactly("captchaAnswer:captcha");
    }

    @Test
    @DisplayName("R-ACC-10 R-SEC a forged captcha id (an expiry beyond any date, before 1970, years ahead, any shape) is a 400 on captchaAnswer, never a 500")
    void forgedCaptchaIds() throws Exception {
        String nonce = "A".repeat(22);
        String mac = "B".repeat(43);
        for (String forged : List.of("a.9223372036854775807.b", nonce + ".9223372036854775807." + mac,
                nonce + ".31556889864403200." + mac, nonce + ".-9223372036854775808." + mac,
                nonce + ".99999999999." + mac, nonce + "." + "9".repeat(40) + "." + mac, "A".repeat(100_000) + ".1.b",
                "..")) {
            Map<String, Object> form = recovery("alguien." + UUID.randomUUID() + "@example.co", "PASSWORD");
            form.put("captchaId", forged);
            HttpResponse<String> refused = post("/api/accounts/recovery", form);
            assertThat(refused.statusCode()).as(forged.length() > 80 ? "a long id" : forged).isEqualTo(400);
            assertThat(errors(refused)).containsExactly("captchaAnswer:captcha");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** {@code count} password reset links asked for {@code email}, a minute apart. */
    private void resetLinksAsked(String email, int count) throws Exception {
        for (int n = 0; n < count; n++) {
            assertThat(post("/api/accounts/recovery", recovery(email, "PASSWORD")).statusCode()).isEqualTo(202);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private Map<String, Object> recovery(String email, String type) throws Exception {
        String[] captcha = captcha();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("type", type);
        form.put("captchaId", captcha[0]);
        form.put("captchaAnswer", captcha[1]);
        return form;
    }

    private String register(String email) throws Exception {
        String[] captcha = captcha();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("givenNames", "Ana María");
        form.put("firstSurname", "Ruiz");
        form.put("nationality", "COL");
        form.put("birthDate", "1990-04-02");
        form.put("sex", "F");
        form.put("email", email);
        form.put("emailConfirmation", email);
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("privacyAccepted", true);
        form.put("captchaId", captcha[0]);
        form.put("captchaAnswer", captcha[1]);
        form.put("language", "es");
        HttpResponse<String> created = post("/api/accounts", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return email;
    }

    /** A registered and activated account with this e-mail; its id. */
    private String activeAccount(String email) throws Exception {
        register(email);
        String id = keycloakUser(email).get("id").asString();
        activate(id);
        return id;
    }

    private void activate(String accountId) throws Exception {
        String token = token(event("AccountRegistered", accountId).get("activationLink").asString());
        HttpResponse<String> activated = post("/api/accounts/activation", Map.of("token", token));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        read(response.body()).get("errors")
                .forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
        return errors;
    }

    /** When the user's password credential was (re)created, from the Admin API as the master admin. */
    private static long passwordCreatedDate(String userId) throws Exception {
        KeycloakServer keycloak = Infrastructure.shared().keycloak();
        HttpResponse<String> credentials = http.send(HttpRequest.newBuilder(URI.create(keycloak.url()
                        + "/admin/realms/inm/users/" + userId + "/credentials"))
                .header("Authorization", "Bearer " + keycloak.adminAccessToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(credentials.statusCode()).as(credentials.body()).isEqualTo(200);
        for (JsonNode credential : read(credentials.body())) {
            if ("password".equals(credential.get("type").asString())) {
                return credential.get("createdDate").asLong();
            }
        }
        throw new AssertionError("no password credential: " + credentials.body());
    }
}

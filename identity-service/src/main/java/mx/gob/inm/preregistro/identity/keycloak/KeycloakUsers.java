package mx.gob.inm.preregistro.identity.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Users of realm {@code inm} through Keycloak's Admin REST API, signed in as the {@code identity-service} client's
 * service account (client credentials; the token is kept until shortly before it expires).
 */
@Component
public class KeycloakUsers {

    private final KeycloakProperties properties;
    private final Clock clock;
    private final RestClient http;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;

    public KeycloakUsers(KeycloakProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = KeycloakHttp.client(properties.url());
    }

    public Optional<KeycloakUser> findByEmail(String email) {
        JsonNode users = http.get()
                .uri("/admin/realms/{realm}/users?username={u}&exact=true&briefRepresentation=false",
                        properties.realm(), email)
                .header("Authorization", bearer()).retrieve().body(JsonNode.class);
        if (users == null || users.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toUser(users.get(0)));
    }

    /** Creates the user with its password in one call (Keycloak rolls back when the password breaks the policy). */
    public String create(NewKeycloakUser user) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("username", user.email());
        representation.put("email", user.email());
        representation.put("firstName", user.firstName());
        representation.put("lastName", user.lastName());
        representation.put("enabled", false);
        representation.put("emailVerified", false);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        user.attributes().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                attributes.put(name, List.of(value));
            }
        });
        representation.put("attributes", attributes);
        representation.put("credentials", List.of(Map.of("type", "password", "value", user.password(),
                "temporary", false)));
        try {
            ResponseEntity<Void> created = http.post().uri("/admin/realms/{realm}/users", properties.realm())
                    .header("Authorization", bearer()).contentType(MediaType.APPLICATION_JSON)
                    .body(representation).retrieve().toBodilessEntity();
            String location = created.getHeaders().getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        } catch (HttpClientErrorException.BadRequest refused) {
            String body = refused.getResponseBodyAsString();
            if (body.toLowerCase(Locale.ROOT).contains("password")) {
                throw new PasswordRefusedByKeycloakException(body);
            }
            throw refused;
        } catch (HttpClientErrorException.Conflict exists) {
            throw new UserExistsException(user.email());
        }
    }

    public KeycloakUser get(String userId) {
        return toUser(representation(userId));
    }

    /** Enables the user and marks the e-mail verified, keeping everything else of the user as it is. */
    public void enable(String userId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> user = new HashMap<>(http.get()
                .uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .header("Authorization", bearer()).retrieve().body(Map.class));
        user.put("enabled", true);
        user.put("emailVerified", true);
        http.put().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .header("Authorization", bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(user).retrieve().toBodilessEntity();
    }

    /**
     * Sets a new (not temporary) password: {@code PUT .../users/{id}/reset-password}. Keycloak's 400 is its password
     * policy refusing it ({@link PasswordRefusedByKeycloakException}).
     */
    public void resetPassword(String userId, String password) {
        try {
            http.put().uri("/admin/realms/{realm}/users/{id}/reset-password", properties.realm(), userId)
                    .header("Authorization", bearer()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("type", "password", "temporary", false, "value", password))
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.BadRequest refused) {
            throw new PasswordRefusedByKeycloakException(refused.getResponseBodyAsString());
        }
    }

    /**
     * Whether this is the user's password: a password grant of this service's own client, whose session is ended at
     * once. Keycloak counts a wrong one for its brute-force protection, and a locked or disabled user never passes.
     */
    public boolean passwordMatches(String username, String password) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "password");
        form.add("username", username);
        form.add("password", password);
        JsonNode tokens;
        try {
            tokens = http.post().uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.BadRequest refused) {
            return false;
        }
        if (tokens != null && tokens.hasNonNull("refresh_token")) {
            MultiValueMap<String, String> logout = clientForm();
            logout.add("refresh_token", tokens.get("refresh_token").asString());
            http.post().uri("/realms/{realm}/protocol/openid-connect/logout", properties.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(logout).retrieve().toBodilessEntity();
        }
        return true;
    }

    /** Deletes the user with its credentials and sessions; one already gone is fine. */
    public void delete(String userId) {
        try {
            http.delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                    .header("Authorization", bearer()).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound gone) {
            // erased before: nothing left to do
        }
    }

    private MultiValueMap<String, String> clientForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        return form;
    }

    private JsonNode representation(String userId) {
        return http.get().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .header("Authorization", bearer()).retrieve().body(JsonNode.class);
    }

    private static KeycloakUser toUser(JsonNode node) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode raw = node.path("attributes");
        raw.properties().forEach(entry -> attributes.put(entry.getKey(), entry.getValue().path(0).asString(null)));
        return new KeycloakUser(node.path("id").asString(), node.path("email").asString(null),
                node.path("firstName").asString(null), node.path("lastName").asString(null),
                node.path("enabled").asBoolean(), attributes);
    }

    private synchronized String bearer() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(tokenExpiresAt)) {
            MultiValueMap<String, String> form = clientForm();
            form.add("grant_type", "client_credentials");
            JsonNode answer = http.post()
                    .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(JsonNode.class);
            if (answer == null || !answer.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak gave no token to client " + properties.clientId()
                        + " (" + HttpStatus.UNAUTHORIZED + ")");
            }
            token = answer.get("access_token").asString();
            tokenExpiresAt = now.plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
        }
        return "Bearer " + token;
    }
}

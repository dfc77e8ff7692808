package mx.gob.inm.preregistro.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;

/** The {@code identity-service} client's service account against the real Keycloak of the harness. */
class KeycloakUsersTest extends KeycloakBackedTest {

    @Autowired
    KeycloakUsers users;

    @Test
    @DisplayName("R-ACC-3 a password Keycloak's policy refuses creates no user (mapped by registration to field password)")
    void keycloakRefusesPassword() {
        String email = "rechazada." + UUID.randomUUID() + "@example.co";

        assertThatThrownBy(() -> users.create(new NewKeycloakUser(email, "Ana", "Ruiz", "Clave.2026!", Map.of())))
                .isInstanceOf(PasswordRefusedByKeycloakException.class);
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    @DisplayName("R-ACC-1 the service account creates a disabled user whose attributes survive a round trip, and enables it")
    void createAndEnable() {
        String email = "servicio." + UUID.randomUUID() + "@example.co";

        String id = users.create(new NewKeycloakUser(email, "Ana", "Ruiz", "Viajero#2026",
                Map.of("birthDate", "1990-04-02", "nationality", "COL")));

        KeycloakUser created = users.get(id);
        assertThat(created.enabled()).isFalse();
        assertThat(created.attributes()).containsEntry("birthDate", "1990-04-02").containsEntry("nationality", "COL");
        users.enable(id);
        KeycloakUser enabled = users.findByEmail(email).orElseThrow();
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.attributes()).containsEntry("birthDate", "1990-04-02");
    }
}

package mx.gob.inm.preregistro.identity.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where identity-service reaches Keycloak's Admin REST API, as the confidential client {@code identity-service}
 * whose service account may manage, view and query users of the realm.
 *
 * @param url          Keycloak's base URL ({@code KEYCLOAK_URL})
 * @param realm        the realm ({@code inm})
 * @param clientId     the client ({@code identity-service})
 * @param clientSecret its secret ({@code IDENTITY_CLIENT_SECRET})
 */
@ConfigurationProperties("preregistro.keycloak")
public record KeycloakProperties(
        @DefaultValue("http://127.0.0.1:8180") String url,
        @DefaultValue("inm") String realm,
        @DefaultValue("identity-service") String clientId,
        @DefaultValue("") String clientSecret) {
}

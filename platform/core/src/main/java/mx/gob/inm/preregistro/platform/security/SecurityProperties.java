package mx.gob.inm.preregistro.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicPaths paths of this service anyone may call (Ant patterns); everything else needs a valid access
 *                    token from Keycloak's realm {@code inm}, which the gateway relays
 * @param rolePaths   paths (Ant patterns) that need a realm role of Keycloak besides a valid token, e.g.
 *                    {@code /api/ops/**: operator}, {@code /api/partners/**: airline}
 */
@ConfigurationProperties("preregistro.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths, Map<String, String> rolePaths) {

    public SecurityProperties {
        rolePaths = rolePaths == null ? Map.of() : Map.copyOf(rolePaths);
    }
}

package mx.gob.inm.preregistro.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicPaths paths of this service anyone may call (Ant patterns); everything else needs a valid access
 *                    token from Keycloak's realm {@code inm}, which the gateway relays
 */
@ConfigurationProperties("preregistro.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths) {
}

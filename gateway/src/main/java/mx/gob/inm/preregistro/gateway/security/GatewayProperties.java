package mx.gob.inm.preregistro.gateway.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl     where users reach the portal (after sign-out they come back here)
 * @param keycloakPublicUrl where the browser reaches Keycloak
 */
@Validated
@ConfigurationProperties("preregistro.gateway")
public record GatewayProperties(@NotBlank String publicBaseUrl, @NotBlank String keycloakPublicUrl) {
}

package mx.gob.inm.preregistro.notification.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl where links in e-mails point
 * @param senders       the two sender addresses of the manual (R-ACC-5, R-FMM-3), configurable
 */
@Validated
@ConfigurationProperties("preregistro.notification")
public record NotificationProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @Valid @DefaultValue Senders senders) {

    /**
     * @param alerts  {@code alertas.sistemas@inami.gob.mx}: account mails and the QR receipt
     * @param notices {@code notificaciones-inami@inami.gob.mx}: the FMM download link
     */
    public record Senders(
            @Email @NotBlank @DefaultValue("alertas.sistemas@inami.gob.mx") String alerts,
            @Email @NotBlank @DefaultValue("notificaciones-inami@inami.gob.mx") String notices) {
    }
}

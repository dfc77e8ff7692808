package mx.gob.inm.preregistro.notification.delivery;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl where links in e-mails point
 * @param senders       the two sender addresses of the manual (R-ACC-5, R-FMM-3), configurable
 * @param smtp          how one SMTP send is retried and when the circuit to the mail server opens (R-NOT-2)
 */
@Validated
@ConfigurationProperties("preregistro.notification")
public record NotificationProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @Valid @DefaultValue Senders senders,
        @Valid @DefaultValue Smtp smtp) {

    /**
     * An absolute link for an e-mail: a path ({@code /api/fmme/...}) is resolved against the public base URL, so
     * every link follows the configured address; an absolute URL is kept as its producer built it.
     */
    public String link(String pathOrUrl) {
        if (URI.create(pathOrUrl).isAbsolute()) {
            return pathOrUrl;
        }
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        return base + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    }

    /**
     * @param alerts  {@code alertas.sistemas@inami.gob.mx}: account mails and the QR receipt
     * @param notices {@code notificaciones-inami@inami.gob.mx}: the FMM download link
     */
    public record Senders(
            @Email @NotBlank @DefaultValue("alertas.sistemas@inami.gob.mx") String alerts,
            @Email @NotBlank @DefaultValue("notificaciones-inami@inami.gob.mx") String notices) {
    }

    /**
     * Quick retries of one SMTP send inside one delivery of an event; the slower redelivery through Kafka retry
     * topics comes on top (see {@code Redelivery}).
     *
     * @param attempts               tries of one send (1 = no retry)
     * @param firstWait              pause after the first failed try; it doubles after each further one
     * @param failureRateThreshold   percentage of failed sends in the window that opens the circuit
     * @param slidingWindow          how many recent sends the failure rate is computed over
     * @param minimumCalls           sends needed before the failure rate counts
     * @param openFor                how long an open circuit fails sends at once before it tries the server again
     */
    public record Smtp(
            @Min(1) @Max(10) @DefaultValue("3") int attempts,
            @NotNull @DefaultValue("1s") Duration firstWait,
            @DecimalMin("1") @DefaultValue("50") float failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindow,
            @Min(1) @DefaultValue("10") int minimumCalls,
            @NotNull @DefaultValue("30s") Duration openFor) {
    }
}

package mx.gob.inm.preregistro.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many calls of each abusable kind a client may make: a token bucket of {@code capacity} calls (the burst) that
 * refills completely in {@code refillPeriod} (so {@code capacity / refillPeriod} sustained). Anonymous calls count per
 * client IP, uploads per gateway session.
 *
 * @param enabled      off only for load tests that send everything from one address
 * @param maxClients   buckets kept per kind at most; a new client beyond it is refused until idle ones expire
 * @param captcha      {@code GET /api/captcha}
 * @param registration {@code POST /api/accounts}
 * @param recovery     each of {@code POST /api/accounts/recovery}, {@code /password-reset}, {@code /activation}
 * @param signIn       {@code GET /oauth2/authorization/**} (INGRESAR)
 * @param uploads      {@code POST /api/documents/scans}, {@code PUT /api/preregistrations/*}{@code /attachments/*}
 */
@Validated
@ConfigurationProperties("preregistro.gateway.rate-limits")
public record RateLimitProperties(boolean enabled, @Positive int maxClients, @Valid @NotNull Limit captcha,
        @Valid @NotNull Limit registration, @Valid @NotNull Limit recovery, @Valid @NotNull Limit signIn,
        @Valid @NotNull Limit uploads) {

    /**
     * @param capacity     calls allowed in a burst
     * @param refillPeriod time for an empty bucket to be full again
     */
    public record Limit(@Positive int capacity, @NotNull Duration refillPeriod) {
    }
}

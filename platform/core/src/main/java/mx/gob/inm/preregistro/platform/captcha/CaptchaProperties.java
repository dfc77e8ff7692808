package mx.gob.inm.preregistro.platform.captcha;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Captcha settings (R-ACC-10).
 *
 * @param validity how long a captcha can be answered (5 minutes)
 * @param length   characters shown (6)
 * @param testMode when true the answer is also sent in the {@code X-Captcha-Answer} header, so automated journeys
 *                 can pass; bound from {@code CAPTCHA_TEST_MODE}; refused in the {@code prod} profile
 * @param secret   the HMAC key every service shares to verify captchas ({@code CAPTCHA_SECRET}); when empty a fixed
 *                 development key is used, which the {@code prod} profile refuses
 */
@ConfigurationProperties("preregistro.captcha")
public record CaptchaProperties(
        @DefaultValue("5m") Duration validity,
        @DefaultValue("6") int length,
        @DefaultValue("false") boolean testMode,
        @DefaultValue("") String secret) {

    static final String DEVELOPMENT_SECRET = "development-only-captcha-secret";

    public CaptchaProperties {
        if (length < 5 || length > 6) {
            throw new IllegalArgumentException("preregistro.captcha.length must be 5 or 6, was " + length);
        }
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    String effectiveSecret() {
        return hasSecret() ? secret : DEVELOPMENT_SECRET;
    }
}

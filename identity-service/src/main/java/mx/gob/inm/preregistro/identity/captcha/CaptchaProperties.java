package mx.gob.inm.preregistro.identity.captcha;

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
 */
@ConfigurationProperties("preregistro.captcha")
public record CaptchaProperties(
        @DefaultValue("5m") Duration validity,
        @DefaultValue("6") int length,
        @DefaultValue("false") boolean testMode) {

    public CaptchaProperties {
        if (length < 5 || length > 6) {
            throw new IllegalArgumentException("preregistro.captcha.length must be 5 or 6, was " + length);
        }
    }
}

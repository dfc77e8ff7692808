package mx.gob.inm.preregistro.platform.captcha;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a {@code prod} instance whose captchas could be passed without reading them: answers sent in a
 * header (CAPTCHA_TEST_MODE=true) or ids signed with the public development key (no CAPTCHA_SECRET).
 */
class CaptchaTestModeGuard implements InitializingBean {

    private final Environment environment;
    private final CaptchaProperties properties;

    CaptchaTestModeGuard(Environment environment, CaptchaProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        if (properties.testMode()) {
            throw new IllegalStateException("CAPTCHA_TEST_MODE=true (preregistro.captcha.test-mode) is not allowed"
                    + " with the 'prod' profile: it would send every captcha's answer in a response header");
        }
        if (!properties.hasSecret()) {
            throw new IllegalStateException("CAPTCHA_SECRET (preregistro.captcha.secret) is required with the 'prod'"
                    + " profile: without it captchas are signed with the public development key");
        }
    }
}

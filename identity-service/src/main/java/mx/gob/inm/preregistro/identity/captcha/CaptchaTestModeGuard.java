package mx.gob.inm.preregistro.identity.captcha;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Refuses to start a {@code prod} instance whose captcha answers would be readable (CAPTCHA_TEST_MODE=true). */
@Component
class CaptchaTestModeGuard implements InitializingBean {

    private final Environment environment;
    private final CaptchaProperties properties;

    CaptchaTestModeGuard(Environment environment, CaptchaProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.testMode() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("CAPTCHA_TEST_MODE=true (preregistro.captcha.test-mode) is not allowed"
                    + " with the 'prod' profile: it would send every captcha's answer in a response header");
        }
    }
}

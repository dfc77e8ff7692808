package mx.gob.inm.preregistro.platform.captcha;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CaptchaTestModeGuardTest {

    private static final String SECRET = "a-secret-shared-by-the-services";

    @Test
    @DisplayName("R-ACC-10 the prod profile refuses to start with CAPTCHA_TEST_MODE=true")
    void prodRefusesTestMode() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new CaptchaTestModeGuard(prod, new CaptchaProperties(Duration.ofMinutes(5), 6, true, SECRET))
                .afterPropertiesSet()).isInstanceOf(IllegalStateException.class).hasMessageContaining("CAPTCHA_TEST_MODE");
        assertThatCode(() -> new CaptchaTestModeGuard(prod, new CaptchaProperties(Duration.ofMinutes(5), 6, false, SECRET))
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new CaptchaTestModeGuard(new MockEnvironment(),
                new CaptchaProperties(Duration.ofMinutes(5), 6, true, SECRET)).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R-ACC-10 the prod profile refuses to start without CAPTCHA_SECRET (ids signed with the public development key)")
    void prodRequiresSecret() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new CaptchaTestModeGuard(prod, new CaptchaProperties(Duration.ofMinutes(5), 6, false, ""))
                .afterPropertiesSet()).isInstanceOf(IllegalStateException.class).hasMessageContaining("CAPTCHA_SECRET");
        assertThatCode(() -> new CaptchaTestModeGuard(new MockEnvironment(),
                new CaptchaProperties(Duration.ofMinutes(5), 6, false, "")).afterPropertiesSet()).doesNotThrowAnyException();
    }
}

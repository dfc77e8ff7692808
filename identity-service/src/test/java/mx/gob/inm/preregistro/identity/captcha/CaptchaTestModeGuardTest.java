package mx.gob.inm.preregistro.identity.captcha;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CaptchaTestModeGuardTest {

    @Test
    @DisplayName("R-ACC-10 the prod profile refuses to start with CAPTCHA_TEST_MODE=true")
    void prodRefusesTestMode() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new CaptchaTestModeGuard(prod, new CaptchaProperties(Duration.ofMinutes(5), 6, true))
                .afterPropertiesSet()).isInstanceOf(IllegalStateException.class).hasMessageContaining("CAPTCHA_TEST_MODE");
        assertThatCode(() -> new CaptchaTestModeGuard(prod, new CaptchaProperties(Duration.ofMinutes(5), 6, false))
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new CaptchaTestModeGuard(new MockEnvironment(),
                new CaptchaProperties(Duration.ofMinutes(5), 6, true)).afterPropertiesSet()).doesNotThrowAnyException();
    }
}

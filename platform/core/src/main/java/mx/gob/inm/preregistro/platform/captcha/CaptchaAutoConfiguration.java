package mx.gob.inm.preregistro.platform.captcha;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Gives every service the one {@link Captchas}, and the guard that keeps test mode out of production. */
@AutoConfiguration(afterName = "mx.gob.inm.preregistro.platform.PlatformAutoConfiguration")
@EnableConfigurationProperties(CaptchaProperties.class)
public class CaptchaAutoConfiguration {

    @Bean
    Captchas captchas(MongoTemplate mongo, Clock clock, CaptchaProperties properties) {
        return new Captchas(mongo, clock, properties);
    }

    @Bean
    CaptchaTestModeGuard captchaTestModeGuard(Environment environment, CaptchaProperties properties) {
        return new CaptchaTestModeGuard(environment, properties);
    }
}

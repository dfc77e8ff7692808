package mx.gob.inm.preregistro.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.IntegrationTest;

/**
 * The one application context of this module's tests: the service sends through {@link TcpRelay#smtp()} to the
 * harness's GreenMail and stores through {@link TcpRelay#mongo()} in its MongoDB (so a test can take either away),
 * with retries short enough for tests. Every Spring test
 * class of the module uses it, so no second context's listeners compete for the same consumer groups.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest(properties = {
        "preregistro.notification.public-base-url=https://portal.example.test",
        "preregistro.notification.smtp.attempts=2",
        "preregistro.notification.smtp.first-wait=100ms",
        "preregistro.notification.smtp.sliding-window=4",
        "preregistro.notification.smtp.minimum-calls=4",
        "preregistro.notification.smtp.open-for=1s",
        "preregistro.notification.redelivery.attempts=5",
        "preregistro.notification.redelivery.delay-ms=500",
        "preregistro.notification.redelivery.multiplier=2",
        "preregistro.notification.redelivery.max-delay-ms=2000"})
@ContextConfiguration(initializers = NotificationServiceTest.SendThroughRelay.class)
public @interface NotificationServiceTest {

    /**
     * Points the service's SMTP port and MongoDB at the shared relays (above the harness's settings), and its tokens at
     * the harness's Keycloak.
     */
    class SendThroughRelay implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("relays",
                    Map.of("spring.mail.port", TcpRelay.smtp().port(),
                            "spring.mongodb.uri", TcpRelay.mongo().mongoUri(),
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                            Infrastructure.shared().keycloak().realmUrl() + "/protocol/openid-connect/certs")));
        }
    }
}

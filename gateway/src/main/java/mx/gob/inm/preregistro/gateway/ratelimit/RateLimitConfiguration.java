package mx.gob.inm.preregistro.gateway.ratelimit;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limits of the gateway, in memory per instance (no Redis in this system; see the README for several
 * instances). Off with {@code preregistro.gateway.rate-limits.enabled=false} ({@code RATE_LIMITS_ENABLED}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnProperty(name = "preregistro.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        return new RateLimitFilter(properties, clock, meters);
    }
}

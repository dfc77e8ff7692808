package mx.gob.inm.preregistro.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory buckets: exact refill, and memory bounded by the clients active within one refill period. */
class TokenBucketsTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    @DisplayName("R-SEC a client gets its burst, then one call per refill share, and waits exactly until the next")
    void burstThenRate() {
        TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(4, Duration.ofMinutes(2)), 10);

        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("a", NOON)).isZero();
        }
        assertThat(buckets.take("a", NOON)).isEqualTo(Duration.ofSeconds(30));
        assertThat(buckets.take("a", NOON.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        assertThat(buckets.take("a", NOON.plusSeconds(30))).isZero();
        assertThat(buckets.take("b", NOON.plusSeconds(30))).as("another client").isZero();
    }

    @Test
    @DisplayName("R-SEC buckets idle for a refill period are dropped; beyond max-clients a new client waits")
    void boundedMemory() {
        TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(2, Duration.ofMinutes(1)), 3);
        buckets.take("a", NOON);
        buckets.take("b", NOON);
        buckets.take("c", NOON);

        assertThat(buckets.take("d", NOON.plusSeconds(5))).as("table full of active clients").isPositive();
        assertThat(buckets.size()).isEqualTo(3);

        assertThat(buckets.take("d", NOON.plusSeconds(31))).as("the others have refilled and are dropped").isZero();
        assertThat(buckets.size()).isEqualTo(1);
    }
}

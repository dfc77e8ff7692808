package mx.gob.inm.preregistro.preregistration.partners;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per partner client: {@code preregistro.partners.requests-per-minute} questions a minute, refilled
 * continuously, kept per instance (each instance allows its share; a client spread over n instances gets at most n
 * times the rate, which the rate is sized for).
 */
@Component
class PartnerRateLimit {

    private final double perMinute;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    PartnerRateLimit(@Value("${preregistro.partners.requests-per-minute:600}") double perMinute) {
        this.perMinute = perMinute;
    }

    /** How long an empty bucket takes to hold one question again: what {@code Retry-After} says after a 429. */
    Duration refillOfOne() {
        return Duration.ofMillis((long) Math.ceil(60_000 / perMinute));
    }

    /** Takes one token of the client's bucket; false when it is empty. */
    boolean tryAcquire(String client) {
        long now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(client, key -> new double[] {perMinute, now});
        synchronized (bucket) {
            bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / 60_000d);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0]--;
            return true;
        }
    }
}

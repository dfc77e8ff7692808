package mx.gob.inm.preregistro.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client for one kind of call, in memory. A bucket that has refilled completely is the same as
 * no bucket, so buckets idle for a whole refill period are dropped (swept at most once per refill period, or when the
 * table is full): memory stays bounded by the clients active within one period, and by {@code maxClients}.
 */
final class TokenBuckets {

    private final int capacity;
    private final long refillNanos;
    private final int maxClients;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Instant lastSweep;

    TokenBuckets(RateLimitProperties.Limit limit, int maxClients) {
        this.capacity = limit.capacity();
        this.refillNanos = limit.refillPeriod().toNanos();
        this.maxClients = maxClients;
    }

    /** Takes one call for {@code client}: {@link Duration#ZERO} when allowed, else how long until the next one is. */
    Duration take(String client, Instant now) {
        sweepIfDue(now);
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                sweep(now);
                if (buckets.size() >= maxClients) {
                    return Duration.ofNanos(refillNanos / capacity);
                }
            }
            bucket = buckets.computeIfAbsent(client, key -> new Bucket(now));
        }
        return bucket.take(now);
    }

    /** Clients with a bucket in memory. */
    int size() {
        return buckets.size();
    }

    private void sweepIfDue(Instant now) {
        Instant last = lastSweep;
        if (last == null || !now.isBefore(last.plusNanos(refillNanos))) {
            sweep(now);
        }
    }

    private void sweep(Instant now) {
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.fullAt(now));
    }

    /** Tokens are counted in nanoseconds of refill time: one call costs {@code refillNanos / capacity}. */
    private final class Bucket {

        private final long costNanos = Math.max(1, refillNanos / capacity);
        private final long fullNanos = costNanos * capacity;
        /** When the bucket will be full again; at or before "now" it is full. */
        private Instant fullAt;

        Bucket(Instant now) {
            this.fullAt = now;
        }

        synchronized Duration take(Instant now) {
            Instant start = fullAt.isBefore(now) ? now : fullAt;
            Instant after = start.plusNanos(costNanos);
            long debt = Duration.between(now, after).toNanos();
            if (debt > fullNanos) {
                return Duration.ofNanos(debt - fullNanos);
            }
            fullAt = after;
            return Duration.ZERO;
        }

        synchronized boolean fullAt(Instant now) {
            return !fullAt.isAfter(now);
        }
    }
}

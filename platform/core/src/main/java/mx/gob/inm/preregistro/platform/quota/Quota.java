package mx.gob.inm.preregistro.platform.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code limit} uses of one thing in any {@code window}, kept as the times of the uses within it. The times
 * live in a document written with what is limited, so the limit holds across instances: the reschedules of a
 * pre-registration and the submissions of an account (each sends the FMME and two e-mails), the e-mails a stranger
 * can cause to an address, a traveller's photos read by the OCR.
 */
public record Quota(Duration window, int limit) {

    public Quota {
        if (window == null || window.isNegative() || window.isZero() || limit <= 0) {
            throw new IllegalArgumentException("a quota needs a positive window and limit: " + window + ", " + limit);
        }
    }

    public static Quota perDay(int limit) {
        return new Quota(Duration.ofDays(1), limit);
    }

    /**
     * Takes one use at {@code now}: drops from {@code times} the uses a window old or older, then adds {@code now}
     * when fewer than {@code limit} are left.
     *
     * @return empty when taken; otherwise how long until the oldest use leaves the window
     */
    public Optional<Duration> take(List<Instant> times, Instant now) {
        Instant windowStart = now.minus(window);
        times.removeIf(at -> !at.isAfter(windowStart));
        if (times.size() >= limit) {
            return Optional.of(Duration.between(windowStart, Collections.min(times)));
        }
        times.add(now);
        return Optional.empty();
    }
}

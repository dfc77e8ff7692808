package mx.gob.inm.preregistro.platform.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * At most so many uses in any 24 hours, kept as the times of the last day's uses. The times live in the document of
 * what is limited, written with it, so the limit holds across instances: the reschedules of a pre-registration and
 * the submissions of an account (each sends the FMME and two e-mails), the e-mails a stranger can cause to an
 * address.
 */
public final class DailyQuota {

    private static final Duration DAY = Duration.ofDays(1);

    private DailyQuota() {
    }

    /**
     * Takes one use at {@code now}: drops from {@code times} the uses a day old or older, then adds {@code now} when
     * fewer than {@code perDay} are left.
     *
     * @return empty when taken; otherwise how long until the oldest use of the day is a day old
     */
    public static Optional<Duration> take(List<Instant> times, Instant now, int perDay) {
        Instant dayAgo = now.minus(DAY);
        times.removeIf(at -> !at.isAfter(dayAgo));
        if (times.size() >= perDay) {
            return Optional.of(Duration.between(dayAgo, Collections.min(times)));
        }
        times.add(now);
        return Optional.empty();
    }
}

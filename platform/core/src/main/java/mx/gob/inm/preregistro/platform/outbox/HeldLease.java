package mx.gob.inm.preregistro.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link RelayLease} this instance holds, with the moment it runs out, for a job that may outlast it: before each
 * step that can take up to {@code needed}, {@link #keepFor} renews the lease when less time than that remains, so no
 * other instance takes the job over in the middle of it (and repeats what this one is doing). When the renewal fails,
 * another instance already holds the job, and this one must stop.
 */
public final class HeldLease {

    private final RelayLease lease;
    private final String job;
    private final Duration duration;
    private final Clock clock;
    private Instant expiresAt;

    HeldLease(RelayLease lease, String job, Duration duration, Clock clock, Instant expiresAt) {
        this.lease = lease;
        this.job = job;
        this.duration = duration;
        this.clock = clock;
        this.expiresAt = expiresAt;
    }

    /**
     * True when the lease is this instance's for at least {@code needed} more, renewing it (for the lease's whole
     * duration) when less remains; false when it could not be renewed: another instance holds the job now.
     */
    public boolean keepFor(Duration needed) {
        if (!clock.instant().plus(needed).isAfter(expiresAt)) {
            return true;
        }
        Instant renewed = lease.takeUntil(job, duration);
        if (renewed == null) {
            return false;
        }
        expiresAt = renewed;
        return true;
    }

    public String job() {
        return job;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

package mx.gob.inm.preregistro.document.scan;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.platform.outbox.RelayLease;

/**
 * A passport photo is taken to fill the registration form (R-DOC-2, R-DOC-4); when no document is registered from
 * it (the traveller stopped, or took another photo), it is personal data kept for nothing. Every hour, the scans
 * read more than {@code preregistro.scans.unused-kept-for} ago (24 hours) that no document was registered from are
 * erased, the photos and what was read from them. A scan a document was registered from stays as long as the
 * document. One instance runs it at a time (the platform's {@link RelayLease}, {@value #LEASE}).
 */
@Component
class UnusedScans {

    static final String LEASE = "job:unused-scans";
    private static final Duration LEASE_TIME = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(UnusedScans.class);

    private final Scans scans;
    private final RelayLease lease;
    private final Clock clock;
    private final Duration keptFor;

    UnusedScans(Scans scans, RelayLease lease, Clock clock, ScanProperties properties) {
        this.scans = scans;
        this.lease = lease;
        this.clock = clock;
        this.keptFor = properties.unusedKeptFor();
    }

    @Scheduled(fixedDelayString = "${preregistro.scans.unused-sweep-every:1h}", initialDelayString = "5m")
    void run() {
        long erased = erase();
        if (erased > 0) {
            log.info("{} scans no document was registered from erased", erased);
        }
    }

    /** Erases the unused scans past their time; 0 when another instance holds the job's lease. */
    long erase() {
        if (!lease.acquire(LEASE, LEASE_TIME)) {
            return 0;
        }
        return scans.eraseUnusedBefore(clock.instant().minus(keptFor));
    }
}

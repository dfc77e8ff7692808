package mx.gob.inm.preregistro.document.registry;

import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.RelayLease;

/**
 * R-DOC-10: every day, documents whose expiry date passed become expired, each with a {@code DocumentExpired}
 * event. Every instance triggers it at the same time; the one that takes the lease {@value #LEASE} (the platform's
 * {@link RelayLease}, as the outbox relay takes per collection) runs it and the others skip it, so the documents are
 * scanned once. Each document is still changed by a conditional write only one writer can win, so a run that
 * outlives its lease, or the same instance running it twice, never expires a document twice.
 */
@Component
class ExpiryJob {

    static final String LEASE = "job:document-expiry";
    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Documents documents;
    private final DocumentRegistry registry;
    private final Outbox outbox;
    private final RelayLease lease;
    private final DocumentProperties properties;

    ExpiryJob(Documents documents, DocumentRegistry registry, Outbox outbox, RelayLease lease,
            DocumentProperties properties) {
        this.documents = documents;
        this.registry = registry;
        this.outbox = outbox;
        this.lease = lease;
        this.properties = properties;
    }

    @Scheduled(cron = "${preregistro.documents.expiry-cron:0 5 0 * * *}",
            zone = "${preregistro.documents.zone:America/Mexico_City}")
    void run() {
        log.info("{} documents expired", expire());
    }

    /**
     * Marks every document expired whose expiry date is before today; returns how many this instance marked, 0 when
     * another instance holds the job's lease (it is running the job or ran it less than {@code expiry-lease} ago).
     */
    int expire() {
        if (!lease.acquire(LEASE, properties.expiryLease())) {
            log.info("Document expiry skipped: another instance holds {}", LEASE);
            return 0;
        }
        LocalDate today = registry.today();
        int marked = 0;
        Optional<TravelDocument> next;
        while ((next = documents.nextToExpire(today)).isPresent()) {
            TravelDocument document = next.get();
            if (documents.markExpired(document.id(), outbox.entryFor(document.expired(), document.accountId()))) {
                marked++;
            }
        }
        return marked;
    }
}

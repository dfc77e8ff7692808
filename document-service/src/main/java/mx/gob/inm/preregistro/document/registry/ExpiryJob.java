package mx.gob.inm.preregistro.document.registry;

import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * R-DOC-10: every day, documents whose expiry date passed become expired, each with a {@code DocumentExpired}
 * event. Safe with several instances: each document is changed by a conditional write that only one can win.
 */
@Component
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Documents documents;
    private final DocumentRegistry registry;
    private final Outbox outbox;

    ExpiryJob(Documents documents, DocumentRegistry registry, Outbox outbox) {
        this.documents = documents;
        this.registry = registry;
        this.outbox = outbox;
    }

    @Scheduled(cron = "${preregistro.documents.expiry-cron:0 5 0 * * *}",
            zone = "${preregistro.documents.zone:America/Mexico_City}")
    void run() {
        log.info("{} documents expired", expire());
    }

    /** Marks every document expired whose expiry date is before today; returns how many this instance marked. */
    int expire() {
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

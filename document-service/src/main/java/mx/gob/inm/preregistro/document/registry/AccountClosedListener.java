package mx.gob.inm.preregistro.document.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.document.scan.Scans;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * R-ENT-5: when a holder closes the account, the personal data of their documents is erased here too, and their
 * passport scans (the photos and what was read from them) with it.
 */
@Component
class AccountClosedListener {

    static final String CONSUMER = "document.account-closed";
    private static final Logger log = LoggerFactory.getLogger(AccountClosedListener.class);

    private final EventInbox inbox;
    private final Documents documents;
    private final Outbox outbox;
    private final Scans scans;

    AccountClosedListener(EventInbox inbox, Documents documents, Outbox outbox, Scans scans) {
        this.inbox = inbox;
        this.documents = documents;
        this.outbox = outbox;
        this.scans = scans;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS)
    void on(String record) {
        inbox.receive(CONSUMER, record).on(AccountClosed.class, (envelope, closed) -> {
            int erased = documents.eraseAccount(closed.accountId(),
                    document -> outbox.entryFor(document.deleted(), closed.accountId()));
            long scanned = scans.eraseAccount(closed.accountId());
            log.info("Account {} closed: personal data of {} documents and {} scans erased", closed.accountId(), erased,
                    scanned);
        });
    }
}

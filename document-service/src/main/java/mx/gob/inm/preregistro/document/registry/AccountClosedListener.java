package mx.gob.inm.preregistro.document.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.document.scan.Scans;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * R-ENT-5: when a holder closes the account, the personal data of their documents is erased here too, and their
 * passport scans (the photos and what was read from them) with it. The account is remembered closed first, so that
 * its token, valid for a few minutes more, registers nothing new ({@link ClosedAccounts}).
 */
@Component
class AccountClosedListener {

    static final String CONSUMER = "document.account-closed";
    private static final Logger log = LoggerFactory.getLogger(AccountClosedListener.class);

    private final EventInbox inbox;
    private final Documents documents;
    private final Outbox outbox;
    private final Scans scans;
    private final ClosedAccounts closedAccounts;

    AccountClosedListener(EventInbox inbox, Documents documents, Outbox outbox, Scans scans,
            ClosedAccounts closedAccounts) {
        this.inbox = inbox;
        this.documents = documents;
        this.outbox = outbox;
        this.scans = scans;
        this.closedAccounts = closedAccounts;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS)
    void on(String record) {
        inbox.receive(CONSUMER, record).on(AccountClosed.class, (envelope, closed) -> {
            closedAccounts.close(closed.accountId());
            int erased = documents.eraseAccount(closed.accountId(),
                    document -> outbox.entryFor(document.deleted(), closed.accountId()));
            long scanned = scans.eraseAccount(closed.accountId());
            log.info("Account {} closed: personal data of {} documents and {} scans erased", closed.accountId(), erased,
                    scanned);
        });
    }
}

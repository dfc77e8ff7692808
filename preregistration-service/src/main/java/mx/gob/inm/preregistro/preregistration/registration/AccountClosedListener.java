package mx.gob.inm.preregistro.preregistration.registration;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * When an account is closed (R-ENT-5) its approved pre-registrations are cancelled ({@code ACCOUNT_CLOSED}: the
 * FMME is revoked and partners hear {@code CANCELLED}) and its drafts are erased with their files. Decided ones stay
 * as the record of what was decided, without the e-mail address their forms were sent to. The account is remembered
 * closed first: its token, valid for a few minutes more, has nothing decided ({@link ClosedAccounts}).
 */
@Component
class AccountClosedListener {

    static final String CONSUMER = "preregistration.registrations.account-closed";
    private static final Logger log = LoggerFactory.getLogger(AccountClosedListener.class);

    private final EventInbox inbox;
    private final PreRegistrations preRegistrations;
    private final DraftErasure drafts;
    private final Outbox outbox;
    private final ClosedAccounts closedAccounts;

    AccountClosedListener(EventInbox inbox, PreRegistrations preRegistrations, DraftErasure drafts, Outbox outbox,
            ClosedAccounts closedAccounts) {
        this.inbox = inbox;
        this.preRegistrations = preRegistrations;
        this.drafts = drafts;
        this.outbox = outbox;
        this.closedAccounts = closedAccounts;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS)
    void on(String record) {
        inbox.receive(CONSUMER, record).on(AccountClosed.class, (envelope, closed) -> close(closed.accountId()));
    }

    private void close(String accountId) {
        closedAccounts.close(accountId);
        for (PreRegistration pre : preRegistrations.ofAccount(accountId)) {
            if (pre.status() == PreRegistration.Status.DRAFT) {
                drafts.erase(pre);
            } else if (pre.status() == PreRegistration.Status.APPROVED) {
                long version = pre.version();
                List<DomainEvent> events = pre.cancelForClosedAccount();
                if (!preRegistrations.update(pre, version, PreRegistration.Status.APPROVED, events.stream()
                        .map(event -> outbox.entryFor(event,
                                event instanceof BoardingDecisionPublished ? null : accountId))
                        .toList())) {
                    // changed meanwhile: failing makes the platform retry the whole event with fresh state
                    throw new IllegalStateException("pre-registration " + pre.id() + " changed while closing");
                }
                preRegistrations.releaseEntryDate(pre.documentId(), pre.entryDate(), pre.id());
                log.info("Pre-registration {} cancelled: account closed", pre.id());
            }
        }
        preRegistrations.eraseEmails(accountId);
    }
}

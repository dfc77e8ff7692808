package mx.gob.inm.preregistro.preregistration.traveller;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * Learns each account's e-mail and language from {@code identity.accounts.v1}, once per event, for the
 * {@code email} and {@code language} of {@code PreRegistrationApproved}; a closed account is erased (R-ENT-5).
 */
@Component
class AccountListener {

    static final String CONSUMER = "preregistration.accounts";

    private final EventInbox inbox;
    private final TravellerProfiles profiles;

    AccountListener(EventInbox inbox, TravellerProfiles profiles) {
        this.inbox = inbox;
        this.profiles = profiles;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS)
    void on(String record) {
        inbox.receive(CONSUMER, record)
                .on(AccountRegistered.class, (envelope, registered) ->
                        profiles.contact(registered.accountId(), registered.email(), registered.language()))
                .on(AccountClosed.class, (envelope, closed) -> profiles.erase(closed.accountId()));
    }
}

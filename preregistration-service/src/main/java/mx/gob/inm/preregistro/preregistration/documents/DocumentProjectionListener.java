package mx.gob.inm.preregistro.preregistration.documents;

import java.time.Clock;
import java.time.Duration;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeletionRequested;
import mx.gob.inm.preregistro.contracts.documents.DocumentExpired;
import mx.gob.inm.preregistro.contracts.documents.DocumentRegistered;
import mx.gob.inm.preregistro.contracts.documents.DocumentRejected;
import mx.gob.inm.preregistro.contracts.documents.DocumentValidated;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * Keeps the {@code documents} projection from {@code documents.v1}, once per event ({@link EventInbox}), so a
 * pre-registration can check the passport (R-PRE-1, R-PRE-8) and print its holder data without asking
 * document-service. Events of one document arrive in order (keyed by document id). A deletion request is
 * answered here with {@code DocumentWithdrawn} when no submission claimed the document (R-DOC-9); while a
 * submission with it is under way the request fails, and Kafka's retries bring it back a moment later.
 */
@Component
class DocumentProjectionListener {

    static final String CONSUMER = "preregistration.documents";
    static final String ACCOUNTS_CONSUMER = "preregistration.documents.account-closed";
    /**
     * A submission's claim on its document is written a moment before the submission: one still without its
     * submission after this long belongs to an attempt that died half-way (far beyond any request's time limit).
     */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    private final EventInbox inbox;
    private final TravellerDocuments documents;
    private final Outbox outbox;
    private final SubmittedPreRegistrations submitted;
    private final Clock clock;

    DocumentProjectionListener(EventInbox inbox, TravellerDocuments documents, Outbox outbox,
            SubmittedPreRegistrations submitted, Clock clock) {
        this.inbox = inbox;
        this.documents = documents;
        this.outbox = outbox;
        this.submitted = submitted;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.DOCUMENTS)
    void on(String record) {
        inbox.receive(CONSUMER, record)
                .on(DocumentRegistered.class, (envelope, registered) -> documents.registered(registered))
                .on(DocumentValidated.class, (envelope, validated) -> documents.validated(validated))
                .on(DocumentRejected.class, (envelope, rejected) ->
                        documents.status(rejected.documentId().toString(), TravellerDocument.Status.REJECTED))
                .on(DocumentExpired.class, (envelope, expired) ->
                        documents.status(expired.documentId().toString(), TravellerDocument.Status.EXPIRED))
                .on(DocumentDeletionRequested.class, (envelope, requested) -> documents.withdraw(
                        requested.documentId().toString(), outbox.entryFor(
                                new DocumentWithdrawn(requested.documentId(), requested.accountId()),
                                requested.accountId()),
                        submitted, clock.instant().minus(ABANDONED_AFTER)))
                .on(DocumentDeleted.class, (envelope, deleted) -> documents.delete(deleted.documentId().toString()));
    }

    /** A closed account's passport data is erased here too (R-ENT-5). */
    @KafkaListener(id = ACCOUNTS_CONSUMER, topics = Topics.IDENTITY_ACCOUNTS)
    void onAccount(String record) {
        inbox.receive(ACCOUNTS_CONSUMER, record)
                .on(AccountClosed.class, (envelope, closed) -> documents.deleteAll(closed.accountId()));
    }
}

package mx.gob.inm.preregistro.preregistration.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventCatalog;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.documents.DocumentRegistered;
import mx.gob.inm.preregistro.contracts.documents.DocumentRejected;
import mx.gob.inm.preregistro.contracts.documents.DocumentValidated;
import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** The projections fed by documents.v1 and identity.accounts.v1, never by other services' databases. */
class ProjectionTest extends PreRegistrationIntegrationTest {

    @Autowired
    private TravellerDocuments documents;
    @Autowired
    private Outbox outbox;

    @Test
    @DisplayName("R-DOC-9 each attempt at a submission claims the document apart: a failed one takes back its own claim only (a simultaneous attempt at the same submission may have been stored); a deletion request then finds the document in use, or, the submission not stored, waits while the claim is fresh and takes back a claim abandoned 30 s ago; withdrawn once, then no claim")
    void claimsAreEachAttemptsOwn() {
        TestTraveller traveller = traveller();
        String document = colombianPassport(traveller);
        OutboxEntry withdrawn = entry(document, traveller);
        Instant abandonedBefore = clock.instant().minusSeconds(30);
        DocumentClaim stored = documents.claim(document, "p1", clock.instant()).orElseThrow();
        DocumentClaim failed = documents.claim(document, "p1", clock.instant()).orElseThrow();

        documents.release(document, failed);

        assertThat(documents.withdraw(document, withdrawn, "p1"::equals, abandonedBefore)).as("in use").isFalse();
        assertThatThrownBy(() -> documents.withdraw(document, withdrawn, id -> false, abandonedBefore))
                .as("the submission under way").isInstanceOf(TravellerDocuments.ClaimUnderWayException.class);
        assertThat(documents.withdraw(document, withdrawn, id -> false, stored.at().plusMillis(1)))
                .as("the attempt abandoned").isTrue();
        assertThat(mongo.findById(document, Document.class, "documents").getList("claims", Document.class))
                .isEmpty();
        assertThat(documents.withdraw(document, withdrawn, id -> false, abandonedBefore)).as("once").isFalse();
        assertThat(documents.claim(document, "p2", clock.instant())).isEmpty();
        assertThat(documents.claim(UUID.randomUUID().toString(), "p3", clock.instant())).as("an unknown document")
                .isEmpty();
    }

    @Test
    @DisplayName("R-DOC-9 a deletion request of a document this projection never heard of is answered all the same (it had no submission), once, and the document then takes no claim")
    void unknownDocumentWithdrawn() {
        TestTraveller traveller = traveller();
        String unknown = UUID.randomUUID().toString();
        OutboxEntry withdrawn = entry(unknown, traveller);

        assertThat(documents.withdraw(unknown, withdrawn, id -> false, clock.instant())).isTrue();

        assertThat(documents.withdraw(unknown, withdrawn, id -> false, clock.instant())).as("once").isFalse();
        assertThat(documents.claim(unknown, "p4", clock.instant())).isEmpty();
        assertThat(documents.owned(unknown, traveller.id())).as("nothing but its id").isEmpty();
    }

    private OutboxEntry entry(String documentId, TestTraveller traveller) {
        return outbox.entryFor(new DocumentWithdrawn(UUID.fromString(documentId), traveller.id()), traveller.id());
    }

    @Test
    @DisplayName("R-PRE-1 a deleted or rejected document can no longer start a pre-registration")
    void deletedAndRejectedDocuments() {
        TestTraveller traveller = traveller();
        String deleted = colombianPassport(traveller);
        publish(new DocumentDeleted(UUID.fromString(deleted), traveller.id()), traveller.id());
        awaitDocumentGone(deleted);
        assertThat(codeOf(post(traveller, "/api/preregistrations", Map.of("documentId", deleted, "variant",
                "NO_NUE")))).isEqualTo("unknown_document");

        String rejected = colombianPassport(traveller);
        publish(new DocumentRejected(UUID.fromString(rejected), traveller.id(), List.of("CHECK_DIGIT_MISMATCH")),
                traveller.id());
        awaitDocumentStatus(rejected, "REJECTED");
        assertThat(codeOf(post(traveller, "/api/preregistrations", Map.of("documentId", rejected, "variant",
                "NO_NUE")))).isEqualTo("document_not_eligible");
    }

    @Test
    @DisplayName("R-NOT-3 an event delivered twice is applied once: a replayed DocumentRejected does not undo a later validation")
    void idempotent() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        EventEnvelope<DomainEvent> rejection = EventEnvelope.of(new DocumentRejected(UUID.fromString(documentId),
                traveller.id(), List.of("EXPIRY_TOO_SOON")), traveller.id(), null, clock);
        send(rejection);
        awaitDocumentStatus(documentId, "REJECTED");
        publish(new DocumentValidated(UUID.fromString(documentId), traveller.id(), "P", "COL", "COL",
                DocumentClassification.ORDINARY, LocalDate.parse("2031-03-01")), traveller.id());
        awaitDocumentStatus(documentId, "VALID");
        send(rejection);
        // a later event of the same document (same key, so after the replay) that leaves the status alone
        publish(new DocumentRegistered(UUID.fromString(documentId), traveller.id(), "P", "COL", "AX123456",
                "MARCADOR", "MARIA FERNANDA", "COL", LocalDate.parse("1990-03-14"), Sex.F,
                LocalDate.parse("2031-03-01"), DocumentClassification.ORDINARY, null), traveller.id());
        await(() -> "MARCADOR".equals(mongo.findById(documentId, Document.class, "documents")
                .getString("surname")), "the later event");
        assertThat(mongo.findById(documentId, Document.class, "documents").getString("status"))
                .as("the replayed rejection was skipped").isEqualTo("VALID");
    }

    @Test
    @DisplayName("R-ENT-5 a closed account's documents and contact data are erased from the projections")
    void accountClosed() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        assertThat(mongo.findById(traveller.id(), Document.class, "travellers")).isNotNull();
        publish(new AccountClosed(traveller.id(), traveller.email(), "Ana", Language.es), traveller.id());
        awaitDocumentGone(documentId);
        await(() -> mongo.findById(traveller.id(), Document.class, "travellers") == null, "traveller profile erased");
    }

    private void send(EventEnvelope<DomainEvent> envelope) {
        kafka.send(EventCatalog.topicOf(envelope.payload()), envelope.key(), eventJson.write(envelope)).join();
    }
}

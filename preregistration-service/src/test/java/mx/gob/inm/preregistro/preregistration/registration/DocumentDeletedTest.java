package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeletionRequested;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.preregistration.PublishedSchemas;
import mx.gob.inm.preregistro.preregistration.documents.TravellerDocuments;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class DocumentDeletedTest extends PreRegistrationIntegrationTest {

    @Autowired
    private TravellerDocuments documents;

    @Test
    @DisplayName("R-DOC-9 a deleted document takes its drafts and their files with it; another passport's draft and anything decided stay")
    void draftsGoWithTheDocument() {
        TestTraveller traveller = traveller();
        String deleted = colombianPassport(traveller);
        String kept = colombianPassport(traveller);
        LocalDate entry = TODAY.plusDays(40);
        String decided = completeDraft(traveller, deleted, "NO_NUE", entry, entry.plusDays(5));
        expectOk(submit(traveller, decided));
        String draft = completeDraft(traveller, deleted, "NO_NUE", entry, entry.plusDays(5));
        String otherDraft = completeDraft(traveller, kept, "NO_NUE", entry, entry.plusDays(5));
        assertThat(files(draft)).isEqualTo(slotsOf("NO_NUE").size());

        publish(new DocumentDeleted(UUID.fromString(deleted), traveller.id()), traveller.id());

        await(() -> mongo.findById(draft, Document.class, "preregistrations") == null, "the draft erased");
        assertThat(files(draft)).isZero();
        assertThat(get(traveller, "/api/preregistrations/" + draft).statusCode()).isEqualTo(404);
        assertThat(read(get(traveller, "/api/preregistrations/" + otherDraft)).get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(files(otherDraft)).isEqualTo(slotsOf("NO_NUE").size());
        assertThat(read(get(traveller, "/api/preregistrations/" + decided)).get("status").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("R-DOC-9 a deletion request of a document no submission claimed is answered with DocumentWithdrawn; its drafts can no longer be sent (409, still drafts, none of the day's 20 used) nor new ones started")
    void deletionRequestWithdrawsAnUnusedDocument() {
        TestTraveller traveller = traveller();
        String document = colombianPassport(traveller);
        LocalDate entry = TODAY.plusDays(40);
        String draft = completeDraft(traveller, document, "NO_NUE", entry, entry.plusDays(5));

        publish(new DocumentDeletionRequested(UUID.fromString(document), traveller.id()), traveller.id());

        List<JsonNode> answers = withdrawals(document);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.get("payload").get("accountId").asString()).isEqualTo(traveller.id());
            assertThat(answer.get("subject").asString()).isEqualTo(traveller.id());
            assertThat(PublishedSchemas.errors(answer)).isEmpty();
        });
        var refused = submit(traveller, draft);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused).get("code").asString()).isEqualTo("document_withdrawn");
        assertThat(mongo.findById(traveller.id(), Document.class, "travellers").getList("submittedAt", Object.class))
                .as("no place among the day's submissions used").isEmpty();
        assertThat(read(get(traveller, "/api/preregistrations/" + draft)).get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(codeOf(post(traveller, "/api/preregistrations", Map.of("documentId", document,
                "variant", "NO_NUE")))).isEqualTo("document_not_eligible");
    }

    @Test
    @DisplayName("R-DOC-9 a deletion request of a document a submission claimed first gets no answer: the document stays usable and nothing is withdrawn")
    void submissionBeforeTheDeletionRequestKeepsTheDocument() {
        TestTraveller traveller = traveller();
        String document = colombianPassport(traveller);
        LocalDate entry = TODAY.plusDays(40);
        expectOk(submit(traveller, completeDraft(traveller, document, "NO_NUE", entry, entry.plusDays(5))));

        String request = json.readTree(publish(new DocumentDeletionRequested(UUID.fromString(document),
                traveller.id()), traveller.id())).get("eventId").asString();

        await(() -> mongo.getCollection("processed_events").countDocuments(new Document("eventId", request)
                .append("state", "DONE")) == 1, "the deletion request handled");
        Document projection = mongo.findById(document, Document.class, "documents");
        assertThat(projection).doesNotContainKey("withdrawn").doesNotContainKey("outbox");
        String later = completeDraft(traveller, document, "NO_NUE", entry.plusDays(10), entry.plusDays(15));
        assertThat(read(get(traveller, "/api/preregistrations/" + later)).get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    @DisplayName("R-DOC-9 a deletion request waits while a submission's claim is under way, and a claim whose attempt died half-way (no submission 30 s later) does not keep the document forever")
    void abandonedClaimDoesNotBlockTheDeletion() throws InterruptedException {
        TestTraveller traveller = traveller();
        String document = colombianPassport(traveller);
        LocalDate entry = TODAY.plusDays(40);
        String draft = completeDraft(traveller, document, "NO_NUE", entry, entry.plusDays(5));
        documents.claim(document, draft, clock.instant()).orElseThrow();   // killed before the submission's write

        publish(new DocumentDeletionRequested(UUID.fromString(document), traveller.id()), traveller.id());
        Thread.sleep(2_000);   // the request fails and is retried: the claim might still become a submission

        assertThat(mongo.findById(document, Document.class, "documents")).doesNotContainKey("withdrawn");
        clock.advance(Duration.ofSeconds(31));
        assertThat(withdrawals(document)).hasSize(1);
        assertThat(mongo.findById(document, Document.class, "documents").getList("claims", Document.class))
                .isEmpty();
    }

    /** The {@code DocumentWithdrawn} answers about a document, once one came. */
    private static List<JsonNode> withdrawals(String documentId) {
        return events(Topics.PREREGISTRATIONS, documentId::equals, found -> !found.isEmpty()).stream()
                .filter(e -> "DocumentWithdrawn".equals(e.get("type").asString())).toList();
    }

    private long files(String preregistrationId) {
        return mongo.getCollection("fs.files").countDocuments(new Document("metadata.preregistrationId",
                preregistrationId));
    }
}

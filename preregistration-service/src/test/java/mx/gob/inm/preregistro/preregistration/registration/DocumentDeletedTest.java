package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class DocumentDeletedTest extends PreRegistrationIntegrationTest {

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

    private long files(String preregistrationId) {
        return mongo.getCollection("fs.files").countDocuments(new Document("metadata.preregistrationId",
                preregistrationId));
    }
}

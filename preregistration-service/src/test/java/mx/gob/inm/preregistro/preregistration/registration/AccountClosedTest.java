package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.preregistration.PublishedSchemas;
import mx.gob.inm.preregistro.preregistration.TestFiles;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class AccountClosedTest extends PreRegistrationIntegrationTest {

    @Test
    @DisplayName("R-ENT-5 closing the account cancels its approved pre-registrations (ACCOUNT_CLOSED, partners CANCELLED) and erases its drafts and their files, and the e-mail address the decided ones kept")
    void accountClosed() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        LocalDate entry = TODAY.plusDays(40);
        String approved = completeDraft(traveller, documentId, "NO_NUE", entry, entry.plusDays(5));
        submit(traveller, approved);
        String draft = read(post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NO_NUE"))).get("id").asString();
        expectOk(upload(traveller, "/api/preregistrations/" + draft + "/attachments/LODGING", "a.pdf",
                TestFiles.pdf()));

        assertThat(mongo.findById(approved, Document.class, "preregistrations").getString("email")).isNotBlank();

        publish(new AccountClosed(traveller.id(), traveller.email(), "Ana", Language.es), traveller.id());
        await(() -> mongo.findById(draft, Document.class, "preregistrations") == null, "draft erased");
        assertThat(mongo.getCollection("fs.files").countDocuments(
                new Document("metadata.preregistrationId", draft))).isZero();
        JsonNode cancelled = preregistrationEvent(approved, "PreRegistrationCancelled");
        assertThat(cancelled.get("payload").get("reason").asString()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(PublishedSchemas.errors(cancelled)).isEmpty();
        assertThat(partnerDecisions(approved, 2).stream().map(d -> d.get("payload").get("decision").asString()))
                .containsExactly("APPROVED", "CANCELLED");
        assertThat(mongo.findById(approved, Document.class, "preregistrations").getString("status"))
                .isEqualTo("CANCELLED");
        await(() -> !mongo.findById(approved, Document.class, "preregistrations").containsKey("email"),
                "the address the form was sent to erased");
    }

    @Test
    @DisplayName("R-ENT-5 a draft that outlived the closure (its passport heard of after it) is never decided: ENVIAR INFORMACIÓN with the account's token, still valid, is the 403 problem account_closed")
    void noDecisionAfterClosing() {
        TestTraveller traveller = traveller();
        publish(new AccountClosed(traveller.id(), traveller.email(), "Ana", Language.es), traveller.id());
        await(() -> mongo.findById(traveller.id(), Document.class, "closed_accounts") != null, "account closed");
        String documentId = colombianPassport(traveller);
        LocalDate entry = TODAY.plusDays(40);
        String draft = completeDraft(traveller, documentId, "NO_NUE", entry, entry.plusDays(5));

        HttpResponse<String> refused = submit(traveller, draft);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(read(refused).get("code").asString()).isEqualTo("account_closed");
        assertThat(mongo.findById(draft, Document.class, "preregistrations").getString("status")).isEqualTo("DRAFT");
    }
}

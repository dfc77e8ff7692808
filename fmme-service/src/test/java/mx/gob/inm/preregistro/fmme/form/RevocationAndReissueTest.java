package mx.gob.inm.preregistro.fmme.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.preregistration.FmmeRecoveryRequested;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationAmended;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationCancelled;
import mx.gob.inm.preregistro.fmme.Approvals;
import mx.gob.inm.preregistro.fmme.FmmeServiceTest;
import mx.gob.inm.preregistro.fmme.pdf.PdfReading;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class RevocationAndReissueTest extends FmmeServiceTest {

    @Test
    @DisplayName("R-FMM-4 a cancelled pre-registration's FMME is revoked: FmmeRevoked, its seal verifies as REVOKED, its PDFs are no longer served")
    void cancellation() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(15);
        PreRegistrationApproved approval = Approvals.approval(owner.id(), entry, entry.plusDays(3));
        String folio = approveAndAwaitIssued(approval).get("folio").asString();
        String id = approval.preregistrationId().toString();
        String seal = sealOf(folio);
        assertThat(verify(seal).get("status").asString()).isEqualTo("VALID");

        publish(envelope(new PreRegistrationCancelled(approval.preregistrationId(), owner.id(),
                approval.documentId(), entry, PreRegistrationCancelled.Reason.SUPERSEDED,
                UUID.randomUUID()), owner.id()));

        JsonNode revoked = ofType(fmmeEvents(id, atLeast(1, "FmmeRevoked")), "FmmeRevoked").get(0).get("payload");
        assertThat(revoked.get("folio").asString()).isEqualTo(folio);
        assertThat(revoked.get("reason").asString()).isEqualTo("PREREGISTRATION_CANCELLED");
        JsonNode status = verify(seal);
        assertThat(status.get("status").asString()).isEqualTo("REVOKED");
        assertThat(status.get("revokedAt").asString()).isNotBlank();
        assertThat(get("/api/fmme/" + id + "/qr.pdf", owner.bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-FMM-4 a rescheduled flight revokes the old FMME and the new approval issues a new folio for the new trip")
    void reschedule() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(15);
        PreRegistrationApproved first = Approvals.approval(UUID.randomUUID(), owner.id(), entry,
                entry.plusDays(3), "AV36");
        String oldFolio = approveAndAwaitIssued(first).get("folio").asString();
        String id = first.preregistrationId().toString();

        LocalDate newEntry = entry.plusDays(2);
        publish(envelope(new PreRegistrationAmended(first.preregistrationId(), owner.id(), first.documentId(), entry,
                Approvals.trip(newEntry, newEntry.plusDays(3), "AV40")), owner.id()));
        JsonNode revoked = ofType(fmmeEvents(id, atLeast(1, "FmmeRevoked")), "FmmeRevoked").get(0).get("payload");
        assertThat(revoked.get("reason").asString()).isEqualTo("RESCHEDULED");

        PreRegistrationApproved second = Approvals.approval(first.preregistrationId(), owner.id(), newEntry,
                newEntry.plusDays(3), "AV40");
        publish(envelope(second, owner.id()));
        List<JsonNode> issued = ofType(fmmeEvents(id, atLeast(2, "FmmeIssued")), "FmmeIssued");
        JsonNode newForm = issued.get(1).get("payload");
        String newFolio = newForm.get("folio").asString();
        assertThat(newFolio).isNotEqualTo(oldFolio);
        assertThat(newForm.get("entryDate").asString()).isEqualTo(newEntry.toString());

        assertThat(verify(sealOf(oldFolio)).get("status").asString()).isEqualTo("REVOKED");
        JsonNode current = verify(sealOf(newFolio));
        assertThat(current.get("status").asString()).isEqualTo("VALID");
        assertThat(current.get("flight").asString()).isEqualTo("AV40");
        byte[] receipt = get("/api/fmme/" + id + "/qr.pdf", owner.bearer()).body();
        assertThat(PdfReading.text(receipt)).contains(newFolio, "AV40");
    }

    @Test
    @DisplayName("R-FMM-3 a recovery request publishes the same FMME again (FmmeIssued, resend=true, same folio) without a second form")
    void recovery() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(15);
        PreRegistrationApproved approval = Approvals.approval(owner.id(), entry, entry.plusDays(3));
        String folio = approveAndAwaitIssued(approval).get("folio").asString();
        String id = approval.preregistrationId().toString();

        publish(envelope(new FmmeRecoveryRequested(approval.preregistrationId(), owner.id(),
                "nuevo.correo@example.com", Language.en), owner.id()));

        List<JsonNode> issued = ofType(fmmeEvents(id, atLeast(2, "FmmeIssued")), "FmmeIssued");
        JsonNode resent = issued.get(1).get("payload");
        assertThat(resent.get("resend").asBoolean()).isTrue();
        assertThat(resent.get("folio").asString()).isEqualTo(folio);
        assertThat(resent.get("email").asString()).isEqualTo("nuevo.correo@example.com");
        assertThat(resent.get("language").asString()).isEqualTo("en");
        assertThat(mongo.count(Query.query(Criteria.where("preregistrationId").is(approval.preregistrationId())),
                Fmme.COLLECTION)).isEqualTo(1);
        assertThat(PdfReading.text(get("/api/fmme/" + id + "/fmme.pdf", owner.bearer()).body())).contains(folio);
    }

    private String sealOf(String folio) {
        return mongo.findById(folio, Document.class, Fmme.COLLECTION).getString("seal");
    }
}

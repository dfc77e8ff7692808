package mx.gob.inm.preregistro.preregistration.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssueFailed;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.preregistration.PublishedSchemas;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** Historial de Registros: statuses, delivery failures from fmme.v1 / notifications.v1, actions, recovery. */
class HistoryTest extends PreRegistrationIntegrationTest {

    private static final LocalDate ENTRY = TODAY.plusDays(5);

    private JsonNode entry(TestTraveller traveller, String id) {
        return read(get(traveller, "/api/preregistrations")).valueStream()
                .filter(line -> id.equals(line.get("id").asString())).findFirst().orElseThrow();
    }

    private static List<String> actions(JsonNode line) {
        return line.get("actions").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    @DisplayName("R-PRE-11 the history lists every pre-registration, newest first, with status and actions; NOT_AVAILABLE once the entry date passed")
    void statusesAndActions() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        String approved = completeDraft(traveller, documentId, "NO_NUE", ENTRY, ENTRY.plusDays(7));
        submit(traveller, approved);
        clock.advance(Duration.ofMinutes(1));
        String draft = read(post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NO_NUE"))).get("id").asString();

        JsonNode history = read(get(traveller, "/api/preregistrations"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("id").asString()).as("newest first").isEqualTo(draft);
        JsonNode line = history.get(1);
        assertThat(line.get("status").asString()).isEqualTo("APPROVED");
        assertThat(line.get("documentId").asString()).isEqualTo(documentId);
        assertThat(line.get("entryDate").asString()).isEqualTo(ENTRY.toString());
        assertThat(line.get("flightNumber").asString()).isEqualTo("AV36");
        assertThat(line.get("deliveryFailed").asBoolean()).isFalse();
        assertThat(actions(line)).containsExactly("DOWNLOAD_QR", "DOWNLOAD_FMME", "RESCHEDULE");
        assertThat(history.get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(actions(history.get(0))).containsExactly("CONTINUE");

        clock.advance(Duration.ofDays(6));
        JsonNode passed = entry(traveller, approved);
        assertThat(passed.get("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(actions(passed)).isEmpty();
    }

    @Test
    @DisplayName("R-PRE-11 R-FMM-3 a failed QR e-mail shows deliveryFailed and RECOVER until a later success of that kind; the folio comes from FmmeIssued")
    void deliveryFailedAndCleared() {
        TestTraveller traveller = traveller();
        String id = submitted(traveller);
        UUID cause = UUID.randomUUID();
        publish(new FmmeIssued(UUID.fromString(id), "FMME-2026-000123", traveller.id(), traveller.email(), "Ana",
                Language.es, ENTRY, "http://localhost:8080/api/fmme/" + id + "/fmme.pdf",
                "http://localhost:8080/api/fmme/" + id + "/qr.pdf", false), traveller.id());
        publish(qrMailFailed(traveller, id, cause, "550 mailbox unavailable"), traveller.id());
        // two topics: the failure may be applied before FmmeIssued, so both are awaited
        await(() -> entry(traveller, id).get("deliveryFailed").asBoolean()
                && !entry(traveller, id).path("folio").asString().isEmpty(), "deliveryFailed and the folio");
        JsonNode failed = entry(traveller, id);
        assertThat(failed.get("folio").asString()).isEqualTo("FMME-2026-000123");
        assertThat(actions(failed)).contains("RECOVER");

        publish(mailSent(traveller, id, cause, NotificationKind.FMME_LINK), traveller.id());
        publish(mailSent(traveller, id, cause, NotificationKind.QR_RECEIPT), traveller.id());
        await(() -> !entry(traveller, id).get("deliveryFailed").asBoolean(), "deliveryFailed cleared");
        assertThat(actions(entry(traveller, id))).doesNotContain("RECOVER");
    }

    @Test
    @DisplayName("R-PRE-11 R-FMM-3 a failure delivered twice, or an older one delivered late, does not bring back a failure a later success cleared")
    void lateFailuresChangeNothing() {
        TestTraveller traveller = traveller();
        String id = submitted(traveller);
        UUID cause = UUID.randomUUID();
        NotificationFailed failed = qrMailFailed(traveller, id, cause, "550 mailbox unavailable");
        String failure = publish(failed, traveller.id());
        await(() -> entry(traveller, id).get("deliveryFailed").asBoolean(), "deliveryFailed");
        clock.advance(Duration.ofMinutes(2));
        publish(mailSent(traveller, id, cause, NotificationKind.QR_RECEIPT), traveller.id());
        await(() -> !entry(traveller, id).get("deliveryFailed").asBoolean(), "deliveryFailed cleared");

        publishAgain(failed, failure);
        clock.advance(Duration.ofMinutes(-1));
        publish(qrMailFailed(traveller, id, cause, "421 try again later"), traveller.id());
        // same key, so same partition: once this one is recorded, the two failures before it were read
        clock.advance(Duration.ofMinutes(5));
        publish(mailSent(traveller, id, cause, NotificationKind.FMME_LINK), traveller.id());
        await(() -> {
            Document status = mongo.findById(id, Document.class, "delivery_status");
            return status != null && "SENT".equals(status.get("kinds", Document.class).getString("FMME_LINK"));
        }, "the FMM link's e-mail recorded");

        assertThat(entry(traveller, id).get("deliveryFailed").asBoolean()).isFalse();
        assertThat(actions(entry(traveller, id))).doesNotContain("RECOVER");
    }

    @Test
    @DisplayName("R-FMM-3 an FMME that could not be issued (FmmeIssueFailed) shows deliveryFailed")
    void fmmeIssueFailed() {
        TestTraveller traveller = traveller();
        String id = submitted(traveller);
        publish(new FmmeIssueFailed(UUID.fromString(id), traveller.id(), "seal key unavailable"), traveller.id());
        await(() -> entry(traveller, id).get("deliveryFailed").asBoolean(), "deliveryFailed");
    }

    @Test
    @DisplayName("R-FMM-3 recovery of an approved pre-registration answers 202 and publishes FmmeRecoveryRequested; a draft cannot be recovered")
    void recovery() {
        TestTraveller traveller = traveller(Language.en);
        String documentId = colombianPassport(traveller);
        String id = completeDraft(traveller, documentId, "NO_NUE", ENTRY, ENTRY.plusDays(7));
        HttpResponse<String> early = post(traveller, "/api/preregistrations/" + id + "/recovery", Map.of());
        assertThat(early.statusCode()).isEqualTo(409);
        submit(traveller, id);

        HttpResponse<String> accepted = post(traveller, "/api/preregistrations/" + id + "/recovery", Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode requested = preregistrationEvent(id, "FmmeRecoveryRequested").get("payload");
        assertThat(PublishedSchemas.errors(preregistrationEvent(id, "FmmeRecoveryRequested"))).isEmpty();
        assertThat(requested.get("email").asString()).isEqualTo(traveller.email());
        assertThat(requested.get("language").asString()).isEqualTo("en");
        assertThat(requested.get("accountId").asString()).isEqualTo(traveller.id());
    }

    private String submitted(TestTraveller traveller) {
        String id = completeDraft(traveller, colombianPassport(traveller), "NO_NUE", ENTRY, ENTRY.plusDays(7));
        submit(traveller, id);
        return id;
    }

    private static NotificationFailed qrMailFailed(TestTraveller traveller, String id, UUID cause, String reply) {
        return new NotificationFailed(UUID.randomUUID(), NotificationKind.QR_RECEIPT, cause, "FmmeIssued", id,
                traveller.email(), 5, reply);
    }

    private static NotificationSent mailSent(TestTraveller traveller, String id, UUID cause, NotificationKind kind) {
        return new NotificationSent(UUID.randomUUID(), kind, cause, "FmmeIssued", id, traveller.email(), 1);
    }
}

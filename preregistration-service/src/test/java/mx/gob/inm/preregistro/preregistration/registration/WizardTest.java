package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.preregistration.TestFiles;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** The wizard as a server-side draft: creation, the steps, the attachments and who may see them. */
class WizardTest extends PreRegistrationIntegrationTest {

    private static final LocalDate ENTRY = TODAY.plusDays(20);

    @Autowired
    private PreRegistrationService service;

    private String draft(TestTraveller traveller, String documentId, String variant) {
        Map<String, Object> body = new HashMap<>(Map.of("documentId", documentId, "variant", variant));
        body.put("nue", "12345678");
        body.put("sreFolio", "SRE12345");
        HttpResponse<String> created = post(traveller, "/api/preregistrations", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created).get("status").asString()).isEqualTo("DRAFT");
        return read(created).get("id").asString();
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return read(response).get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private static String codeOf(HttpResponse<String> response, String field) {
        return read(response).get("errors").valueStream().filter(e -> field.equals(e.get("field").asString()))
                .findFirst().orElseThrow().get("code").asString();
    }

    @Test
    @DisplayName("R-PRE-3 a saved draft is not read back: it holds the stored version, saves again, and a copy read before is refused (409)")
    void savedDraftHoldsTheStoredVersion() {
        TestTraveller traveller = traveller();
        String id = draft(traveller, colombianPassport(traveller), "NO_NUE");
        PreRegistration draft = service.owned(id, traveller.id());
        PreRegistration stale = service.owned(id, traveller.id());
        long read = draft.version();

        PreRegistration saved = service.save(draft, PreRegistration.Status.DRAFT, List.of());

        assertThat(saved.version()).isEqualTo(read + 1)
                .isEqualTo(mongo.findById(id, PreRegistration.class, PreRegistration.COLLECTION).version());
        assertThat(service.save(saved, PreRegistration.Status.DRAFT, List.of()).version()).isEqualTo(read + 2);
        assertThatThrownBy(() -> service.save(stale, PreRegistration.Status.DRAFT, List.of()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("concurrent_change");
        assertThat(stale.version()).as("a refused save changes nothing").isEqualTo(read);
    }

    @Test
    @DisplayName("R-PRE-3 the form publishes fields, airports by IATA code, purposes, states, questions in Spanish and English and the slots per variant")
    void form() {
        HttpResponse<String> response = get(traveller(), "/api/preregistrations/form");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode form = read(response);
        JsonNode catalogues = form.get("catalogues");
        assertThat(catalogues.get("airports").valueStream().map(a -> a.get("code").asString()))
                .contains("MEX", "CUN", "GDL", "MTY");
        assertThat(catalogues.get("airlines").valueStream().map(a -> a.get("code").asString()))
                .as("airlines by IATA designator, as the travel step takes them").contains("AV", "AM", "CM");
        assertThat(catalogues.get("purposes").valueStream().map(p -> p.get("code").asString()))
                .contains("TURISMO", "NEGOCIOS");
        assertThat(catalogues.get("purposes").get(0).has("visaRequired")).as("a rule, not for the traveller")
                .isFalse();
        assertThat(catalogues.get("states").valueStream().map(JsonNode::asString))
                .hasSize(32).contains("Quintana Roo", "Ciudad de México");
        assertThat(catalogues.get("lodgingTypes").valueStream().map(t -> t.get("code").asString())).contains("HOTEL");
        assertThat(form.get("fields").get("travel").valueStream().map(JsonNode::asString))
                .containsExactly("entryDate", "exitDate", "arrivalAirport", "airline", "flightNumber",
                        "originCountry", "originCity", "purpose");
        assertThat(form.get("preCheck").valueStream().map(q -> q.get("id").asString()))
                .as("R-PRE-7").containsExactly("CONNECTING_FLIGHT", "MEXICAN_PASSPORT");
        JsonNode deported = form.get("questions").get(0);
        assertThat(deported.get("id").asString()).isEqualTo("DEPORTED");
        assertThat(deported.get("es").asString()).isEqualTo("¿Ha sido deportado de México?");
        assertThat(deported.get("en").asString()).isNotBlank();
        assertThat(form.get("attachmentSlots").get("NO_NUE").valueStream().map(s -> s.get("slot").asString()))
                .containsExactly("EXIT_TICKET", "LODGING", "ITINERARY");
        assertThat(form.get("attachmentSlots").get("DIPLOMATIC").valueStream().map(s -> s.get("slot").asString()))
                .containsExactly("SRE_CARD");
        assertThat(form.get("limits").get("maxStayDays").asInt()).isEqualTo(180);
        assertThat(form.get("nueOnFile").asBoolean()).isFalse();
        assertThat(form.get("sreFolioOnFile").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R-PRE-3 each step is saved on the server and the draft reloads with it")
    void draftSurvivesReload() {
        TestTraveller traveller = traveller();
        String id = draft(traveller, colombianPassport(traveller), "NO_NUE");
        expectOk(put(traveller, "/api/preregistrations/" + id + "/travel", travel(ENTRY, ENTRY.plusDays(10))));
        expectOk(put(traveller, "/api/preregistrations/" + id + "/additional", additional()));
        expectOk(upload(traveller, "/api/preregistrations/" + id + "/attachments/LODGING", "hotel.png",
                TestFiles.png()));

        JsonNode reloaded = read(get(traveller, "/api/preregistrations/" + id));
        assertThat(reloaded.get("status").asString()).isEqualTo("DRAFT");
        assertThat(reloaded.get("variant").asString()).isEqualTo("NO_NUE");
        assertThat(reloaded.get("travel").get("entryDate").asString()).isEqualTo(ENTRY.toString());
        assertThat(reloaded.get("travel").get("arrivalAirport").asString()).isEqualTo("CUN");
        assertThat(reloaded.get("additional").get("state").asString()).isEqualTo("Quintana Roo");
        assertThat(reloaded.get("answers").isNull()).isTrue();
        JsonNode attachments = reloaded.get("attachments");
        assertThat(attachments.valueStream().map(a -> a.get("slot").asString()))
                .containsExactly("EXIT_TICKET", "LODGING", "ITINERARY");
        assertThat(attachments.get(1).get("uploaded").asBoolean()).isTrue();
        assertThat(attachments.get(1).get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachments.get(1).get("filename").asString()).isEqualTo("hotel.png");
        assertThat(attachments.get(0).get("uploaded").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R-PRE-3 a step with wrong data is refused with one error per field")
    void oneErrorPerField() {
        TestTraveller traveller = traveller();
        String id = draft(traveller, colombianPassport(traveller), "NO_NUE");
        HttpResponse<String> travel = put(traveller, "/api/preregistrations/" + id + "/travel",
                Map.of("entryDate", "15/07/2026", "exitDate", ENTRY.toString(), "arrivalAirport", "LAX",
                        "airline", "", "flightNumber", "vuelo 36", "originCountry", "COL", "originCity", "Bogotá",
                        "purpose", "VACACIONES"));
        assertThat(fields(travel)).containsExactlyInAnyOrder("entryDate", "arrivalAirport", "airline",
                "flightNumber", "purpose");
        assertThat(codeOf(travel, "arrivalAirport")).isEqualTo("unknown_airport");

        HttpResponse<String> additional = put(traveller, "/api/preregistrations/" + id + "/additional",
                Map.of("lodgingType", "HOTEL", "lodgingName", "Hotel\u0000Caribe", "street", "Calle 1\u202E",
                        "city", "Cancún", "state", "Florida", "postalCode", "7750", "phone", "x", "occupation", ""));
        assertThat(fields(additional)).containsExactlyInAnyOrder("lodgingName", "street", "state", "postalCode",
                "phone", "occupation");
        assertThat(codeOf(additional, "lodgingName")).as("a control character").isEqualTo("format");
        assertThat(codeOf(additional, "street")).as("a right-to-left override").isEqualTo("format");

        HttpResponse<String> control = put(traveller, "/api/preregistrations/" + id + "/control",
                Map.of("answers", Map.of("DEPORTED", false, "REFUSED_ENTRY", false)));
        assertThat(fields(control)).containsExactlyInAnyOrder("answers.CRIMINAL_RECORD", "answers.VISA_DENIED",
                "answers.OVERSTAY");
        assertThat(read(get(traveller, "/api/preregistrations/" + id)).get("travel").isNull())
                .as("a refused step saves nothing").isTrue();
    }

    @Test
    @DisplayName("R-PRE-3 a number or a boolean in place of a text field is refused naming the field, never saved as text")
    void scalarInPlaceOfText() {
        TestTraveller traveller = traveller();
        String id = draft(traveller, colombianPassport(traveller), "NO_NUE");
        Map<String, Object> travel = new HashMap<>(Map.of("entryDate", ENTRY.toString(),
                "exitDate", ENTRY.plusDays(7).toString(), "arrivalAirport", "CUN", "airline", "AV",
                "flightNumber", "AV36", "originCountry", "COL", "originCity", true, "purpose", "TURISMO"));
        HttpResponse<String> refused = put(traveller, "/api/preregistrations/" + id + "/travel", travel);
        assertThat(fields(refused)).containsExactly("originCity");
        assertThat(codeOf(refused, "originCity")).isEqualTo("invalid");

        HttpResponse<String> additional = put(traveller, "/api/preregistrations/" + id + "/additional",
                Map.of("lodgingType", "HOTEL", "lodgingName", 77500, "street", "Blvd. Kukulcán km 9", "city", "Cancún",
                        "state", "Quintana Roo", "postalCode", "77500", "phone", "+529981234567",
                        "occupation", "Ingeniera"));
        assertThat(fields(additional)).containsExactly("lodgingName");
        assertThat(read(get(traveller, "/api/preregistrations/" + id)).get("travel").isNull()).isTrue();
    }

    @Test
    @DisplayName("R-PRE-5 variant III: exit 181 days after entry is refused on exitDate, 180 days is accepted; exit before entry too")
    void stayLimit() {
        TestTraveller traveller = traveller();
        String id = draft(traveller, colombianPassport(traveller), "NO_NUE");
        HttpResponse<String> tooLong = put(traveller, "/api/preregistrations/" + id + "/travel",
                travel(ENTRY, ENTRY.plusDays(181)));
        assertThat(fields(tooLong)).containsExactly("exitDate");
        assertThat(codeOf(tooLong, "exitDate")).isEqualTo("stay_too_long");
        assertThat(read(tooLong).get("errors").get(0).get("message").asString()).contains("180");
        HttpResponse<String> before = put(traveller, "/api/preregistrations/" + id + "/travel",
                travel(ENTRY, ENTRY.minusDays(1)));
        assertThat(codeOf(before, "exitDate")).isEqualTo("exit_not_after_entry");
        expectOk(put(traveller, "/api/preregistrations/" + id + "/travel", travel(ENTRY, ENTRY.plusDays(180))));
    }

    @Test
    @DisplayName("R-PRE-2 the NUE is asked the first time only and reused by later drafts; its format is checked")
    void nueCapturedOnce() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        HttpResponse<String> missing = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NUE"));
        assertThat(fields(missing)).containsExactly("nue");
        HttpResponse<String> badFormat = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NUE", "nue", "12-AB"));
        assertThat(codeOf(badFormat, "nue")).isEqualTo("format");

        HttpResponse<String> first = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NUE", "nue", "87654321"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(read(get(traveller, "/api/preregistrations/form")).get("nueOnFile").asBoolean()).isTrue();
        HttpResponse<String> second = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NUE"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(read(get(traveller, "/api/preregistrations/" + read(second).get("id").asString()))
                .get("nue").asString()).isEqualTo("87654321");
    }

    @Test
    @DisplayName("R-PRE-2 R-PRE-3 up to 10 drafts of one document and variant at once (several trips); INICIAR past them resumes the newest (200, same id), and after a submission starts a new one")
    void draftsDoNotPileUp() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        List<String> drafts = new ArrayList<>();
        for (int trip = 0; trip < 10; trip++) {
            drafts.add(draft(traveller, documentId, "NO_NUE"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(drafts).doesNotHaveDuplicates();
        String newest = drafts.get(9);
        expectOk(put(traveller, "/api/preregistrations/" + newest + "/travel", travel(ENTRY, ENTRY.plusDays(9))));
        for (int again = 0; again < 3; again++) {
            HttpResponse<String> resumed = post(traveller, "/api/preregistrations",
                    Map.of("documentId", documentId, "variant", "NO_NUE"));
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
            assertThat(read(resumed).get("id").asString()).isEqualTo(newest);
        }
        assertThat(read(get(traveller, "/api/preregistrations/" + newest)).get("travel").get("entryDate").asString())
                .isEqualTo(ENTRY.toString());
        assertThat(draft(traveller, documentId, "NUE")).as("another variant").isNotIn(drafts);
        assertThat(read(get(traveller, "/api/preregistrations")).valueStream()
                .filter(entry -> "DRAFT".equals(entry.get("status").asString()))).hasSize(11);

        String first = drafts.get(0);
        completeSteps(traveller, first, "NO_NUE", ENTRY, ENTRY.plusDays(9));
        assertThat(read(submit(traveller, first)).get("status").asString()).isEqualTo("APPROVED");
        assertThat(draft(traveller, documentId, "NO_NUE")).as("nine drafts left: a new one").isNotIn(drafts);
    }

    @Test
    @DisplayName("R-PRE-2 a diplomatic passport must take variant II with its SRE folio")
    void diplomaticDocumentTakesVariantTwo() {
        TestTraveller traveller = traveller();
        String documentId = passport(traveller, "COL", DocumentClassification.DIPLOMATIC,
                LocalDate.parse("2030-01-01"));
        HttpResponse<String> wrong = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NO_NUE"));
        assertThat(fields(wrong)).containsExactly("variant");
        assertThat(codeOf(wrong, "variant")).isEqualTo("diplomatic_document_variant");
        HttpResponse<String> noFolio = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "DIPLOMATIC"));
        assertThat(fields(noFolio)).containsExactly("sreFolio");
        draft(traveller, documentId, "DIPLOMATIC");
    }

    @Test
    @DisplayName("R-PRE-1 only a valid Colombian document can start a pre-registration")
    void onlyColombianDocuments() {
        TestTraveller traveller = traveller();
        String mexican = passport(traveller, "MEX", DocumentClassification.ORDINARY, LocalDate.parse("2030-01-01"));
        HttpResponse<String> refused = post(traveller, "/api/preregistrations",
                Map.of("documentId", mexican, "variant", "NO_NUE"));
        assertThat(codeOf(refused, "documentId")).isEqualTo("document_not_eligible");
        HttpResponse<String> unknown = post(traveller, "/api/preregistrations",
                Map.of("documentId", "5b0f3c1e-8a7d-4c2b-9e61-2f4a7d9c0b13", "variant", "NO_NUE"));
        assertThat(codeOf(unknown, "documentId")).isEqualTo("unknown_document");
        TestTraveller other = traveller();
        HttpResponse<String> notMine = post(other, "/api/preregistrations",
                Map.of("documentId", colombianPassport(traveller), "variant", "NO_NUE"));
        assertThat(codeOf(notMine, "documentId")).as("another traveller's passport").isEqualTo("unknown_document");
    }

    @Test
    @DisplayName("R-PRE-4 hostile attachments are refused on field file: encrypted PDF, PDF with JavaScript, PNG named .pdf, 2 MB + 1 byte")
    void hostileAttachments() {
        TestTraveller traveller = traveller();
        String id = draft(traveller, colombianPassport(traveller), "NO_NUE");
        String path = "/api/preregistrations/" + id + "/attachments/EXIT_TICKET";
        Map<String, byte[]> hostile = Map.of(
                "attachment_encrypted", TestFiles.encryptedPdf(),
                "attachment_active_content", TestFiles.pdfWithJavaScript(),
                "attachment_type_mismatch", TestFiles.png(),
                "attachment_too_large", TestFiles.pdfOfSize(2 * 1024 * 1024 + 1),
                "attachment_malformed", TestFiles.malformedPdf());
        hostile.forEach((code, content) -> {
            HttpResponse<String> refused = upload(traveller, path, "boleto.pdf", content);
            assertThat(fields(refused)).as(code).containsExactly("file");
            assertThat(codeOf(refused, "file")).isEqualTo(code);
        });
        assertThat(read(get(traveller, "/api/preregistrations/" + id)).get("attachments").get(0)
                .get("uploaded").asBoolean()).as("nothing kept").isFalse();
        expectOk(upload(traveller, path, "boleto.pdf", TestFiles.pdfOfSize(2 * 1024 * 1024)));
        HttpResponse<String> wrongSlot = upload(traveller, "/api/preregistrations/" + id + "/attachments/SRE_CARD",
                "sre.pdf", TestFiles.pdf());
        assertThat(fields(wrongSlot)).containsExactly("slot");
    }

    @Test
    @DisplayName("R-PRE-4 owner isolation: another traveller's draft and attachments answer 404")
    void ownerIsolation() {
        TestTraveller owner = traveller();
        String id = draft(owner, colombianPassport(owner), "NO_NUE");
        byte[] pdf = TestFiles.pdf();
        expectOk(upload(owner, "/api/preregistrations/" + id + "/attachments/ITINERARY", "itinerario.pdf", pdf));
        HttpResponse<byte[]> mine = download(owner, "/api/preregistrations/" + id + "/attachments/ITINERARY");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(pdf);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("application/pdf");

        TestTraveller intruder = traveller();
        String base = "/api/preregistrations/" + id;
        assertThat(get(intruder, base).statusCode()).isEqualTo(404);
        assertThat(download(intruder, base + "/attachments/ITINERARY").statusCode()).isEqualTo(404);
        assertThat(put(intruder, base + "/travel", travel(ENTRY, ENTRY.plusDays(3))).statusCode()).isEqualTo(404);
        assertThat(upload(intruder, base + "/attachments/LODGING", "x.pdf", pdf).statusCode()).isEqualTo(404);
        assertThat(submit(intruder, id).statusCode()).isEqualTo(404);
        assertThat(post(intruder, base + "/recovery", Map.of()).statusCode()).isEqualTo(404);
        assertThat(read(get(intruder, "/api/preregistrations")).size()).isZero();
        assertThat(read(get(owner, base)).get("travel").isNull()).as("the intruder changed nothing").isTrue();
    }
}

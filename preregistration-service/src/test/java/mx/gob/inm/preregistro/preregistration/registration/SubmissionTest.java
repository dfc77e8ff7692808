package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.documents.DocumentExpired;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.preregistration.PublishedSchemas;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** Submission, decision and lifecycle, observed through the API and on Kafka. */
class SubmissionTest extends PreRegistrationIntegrationTest {

    private static final String NO_CUMPLE =
            "La información proporcionada en este Pre-Registro No Cumple con los Requisitos Solicitados";
    private static final LocalDate ENTRY = TODAY.plusDays(30);
    private static final LocalDate EXIT = ENTRY.plusDays(14);

    private String passportFor(TestTraveller traveller, String variant) {
        return "DIPLOMATIC".equals(variant)
                ? passport(traveller, "COL", DocumentClassification.DIPLOMATIC, LocalDate.parse("2031-01-01"))
                : colombianPassport(traveller);
    }

    private String rejectedDraft(TestTraveller traveller, String documentId) {
        String id = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        expectOk(put(traveller, "/api/preregistrations/" + id + "/control", Map.of("answers", Map.of(
                "DEPORTED", true, "REFUSED_ENTRY", false, "CRIMINAL_RECORD", false, "VISA_DENIED", false,
                "OVERSTAY", false))));
        return id;
    }

    @ParameterizedTest(name = "variant {0}")
    @ValueSource(strings = {"NUE", "DIPLOMATIC", "NO_NUE"})
    @DisplayName("R-PRE-2 R-PRE-8 each variant with correct data is approved; Submitted and Approved on preregistrations.v1, APPROVED on partners.decisions.v1")
    void variantApproved(String variant) {
        TestTraveller traveller = traveller(Language.en);
        String documentId = passportFor(traveller, variant);
        String id = completeDraft(traveller, documentId, variant, ENTRY, EXIT);

        HttpResponse<String> submitted = submit(traveller, id);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(read(submitted).get("status").asString()).isEqualTo("APPROVED");
        assertThat(read(submitted).get("message").asString()).isNotBlank();
        assertThat(read(submitted).has("warning")).isFalse();

        assertThat(preregistrationEventTypes(id, "PreRegistrationApproved"))
                .containsExactly("PreRegistrationSubmitted", "PreRegistrationApproved");
        JsonNode approved = preregistrationEvent(id, "PreRegistrationApproved");
        assertThat(approved.get("subject").asString()).isEqualTo(traveller.id());
        JsonNode payload = approved.get("payload");
        assertThat(payload.get("variant").asString()).isEqualTo(variant);
        assertThat(payload.get("email").asString()).isEqualTo(traveller.email());
        assertThat(payload.get("language").asString()).as("from AccountRegistered").isEqualTo("en");
        assertThat(payload.get("traveller").get("surname").asString()).isEqualTo("RODRIGUEZ GOMEZ");
        assertThat(payload.get("traveller").get("occupation").asString()).isEqualTo("Ingeniera de sistemas");
        assertThat(payload.get("trip").get("entryDate").asString()).isEqualTo(ENTRY.toString());
        assertThat(payload.get("lodging").get("postalCode").asString()).isEqualTo("77500");
        assertThat(payload.get("nue").isNull()).isEqualTo(!"NUE".equals(variant));
        assertThat(payload.get("sreFolio").isNull()).isEqualTo(!"DIPLOMATIC".equals(variant));

        List<JsonNode> published = new ArrayList<>(events(Topics.PREREGISTRATIONS, id::equals,
                found -> found.size() >= 2));
        List<JsonNode> decisions = partnerDecisions(id, 1);
        published.addAll(decisions);
        assertThat(published).hasSize(3).allSatisfy(envelope ->
                assertThat(PublishedSchemas.errors(envelope)).as(envelope.get("type").asString()).isEmpty());

        assertThat(decisions).hasSize(1);
        JsonNode decision = decisions.get(0);
        assertThat(decision.get("subject").isNull()).as("no account id for partners").isTrue();
        assertThat(decision.get("payload").get("decision").asString()).isEqualTo("APPROVED");
        assertThat(decision.get("payload").get("flightNumber").asString()).isEqualTo("AV36");
        assertThat(decision.get("payload").get("documentHash").asString()).isEqualTo(
                BoardingDecisionPublished.documentHash("COL",
                        payload.get("traveller").get("documentNumber").asString()));
        assertThat(decision.get("payload").toString()).doesNotContain("RODRIGUEZ", "Riu", "DEPORTED");
    }

    @Test
    @DisplayName("R-PRE-8 without an AccountRegistered seen, the FMME e-mail goes to the token's e-mail in the caller's language")
    void contactFromToken() {
        String email = "sin-evento-" + UUID.randomUUID() + "@example.com";
        TestTraveller traveller = Infrastructure.shared().keycloak().traveller(email);
        String id = completeDraft(traveller, colombianPassport(traveller), "NO_NUE", ENTRY, EXIT);
        HttpResponse<String> response = postIn("en", traveller, "/api/preregistrations/" + id + "/submit",
                Map.of("termsAccepted", true));
        assertThat(read(response).get("status").asString()).isEqualTo("APPROVED");
        JsonNode approved = preregistrationEvent(id, "PreRegistrationApproved").get("payload");
        assertThat(approved.get("email").asString()).isEqualTo(email);
        assertThat(approved.get("language").asString()).isEqualTo("en");
    }

    @Test
    @DisplayName("R-PRE-8 a disqualifying answer is rejected with the generic message only; the rule id goes to operators")
    void rejectedWithGenericMessage() {
        TestTraveller traveller = traveller();
        String id = rejectedDraft(traveller, colombianPassport(traveller));
        HttpResponse<String> response = submit(traveller, id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(read(response).get("status").asString()).isEqualTo("REJECTED");
        assertThat(read(response).get("message").asString()).isEqualTo(NO_CUMPLE);
        assertThat(response.body()).doesNotContain("CONTROL_ANSWERS_ACCEPTABLE", "DEPORTED");
        HttpResponse<String> reloaded = get(traveller, "/api/preregistrations/" + id);
        assertThat(read(reloaded).get("message").asString()).as("the reloaded page shows it too").isEqualTo(NO_CUMPLE);
        assertThat(reloaded.body()).doesNotContain("CONTROL_ANSWERS_ACCEPTABLE");

        JsonNode rejected = preregistrationEvent(id, "PreRegistrationRejected").get("payload");
        assertThat(rejected.get("failedRules").valueStream().map(JsonNode::asString))
                .containsExactly("CONTROL_ANSWERS_ACCEPTABLE");
        assertThat(Instant.parse(rejected.get("retryBlockedUntil").asString()))
                .isEqualTo(START.plus(Duration.ofHours(3)));
        assertThat(partnerDecisions(id, 1).get(0).get("payload").get("decision").asString())
                .isEqualTo("NOT_APPROVED");
        assertThat(PublishedSchemas.errors(preregistrationEvent(id, "PreRegistrationRejected"))).isEmpty();
    }

    @Test
    @DisplayName("R-PRE-8 the rejection message in English with Accept-Language: en")
    void rejectedInEnglish() {
        TestTraveller traveller = traveller();
        String id = rejectedDraft(traveller, colombianPassport(traveller));
        HttpResponse<String> response = postIn("en", traveller, "/api/preregistrations/" + id + "/submit",
                Map.of("termsAccepted", true));
        assertThat(read(response).get("message").asString()).isEqualTo(
                "The information provided in this Pre-Registration Does Not Meet the Requested Requirements");
    }

    @Test
    @DisplayName("R-PRE-9 within 3 hours of a rejection a new pre-registration for that document is refused with RETRY_BLOCKED and when it lifts; allowed after")
    void retryBlocked() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        String waiting = completeDraft(traveller, documentId, "NO_NUE", ENTRY.plusDays(1), EXIT);
        assertThat(read(submit(traveller, rejectedDraft(traveller, documentId))).get("status").asString())
                .isEqualTo("REJECTED");

        clock.advance(Duration.ofHours(2).plusMinutes(59));
        HttpResponse<String> create = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NO_NUE"));
        assertThat(create.statusCode()).as(create.body()).isEqualTo(409);
        assertThat(read(create).get("code").asString()).isEqualTo("RETRY_BLOCKED");
        assertThat(read(create).get("retryAfter").asString()).isEqualTo(START.plus(Duration.ofHours(3)).toString());
        assertThat(read(create).get("detail").asString()).contains(START.plus(Duration.ofHours(3)).toString());
        HttpResponse<String> submitWaiting = submit(traveller, waiting);
        assertThat(submitWaiting.statusCode()).as("a draft made before is blocked too").isEqualTo(409);
        assertThat(read(submitWaiting).get("code").asString()).isEqualTo("RETRY_BLOCKED");
        assertThat(read(get(traveller, "/api/preregistrations/" + waiting)).get("status").asString())
                .isEqualTo("DRAFT");

        clock.advance(Duration.ofMinutes(1));
        assertThat(post(traveller, "/api/preregistrations", Map.of("documentId", documentId, "variant", "NO_NUE"))
                .statusCode()).isEqualTo(201);
        assertThat(read(submit(traveller, waiting)).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("R-PRE-9 the block is per document: another passport of the traveller is not blocked")
    void blockIsPerDocument() {
        TestTraveller traveller = traveller();
        submit(traveller, rejectedDraft(traveller, colombianPassport(traveller)));
        assertThat(post(traveller, "/api/preregistrations",
                Map.of("documentId", colombianPassport(traveller), "variant", "NO_NUE")).statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-PRE-10 a new approval with the same entry date cancels the earlier one (Cancelled event, partners CANCELLED)")
    void sameEntryDateCancelsEarlier() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        String first = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        assertThat(read(submit(traveller, first)).get("status").asString()).isEqualTo("APPROVED");
        String other = completeDraft(traveller, documentId, "NO_NUE", ENTRY.plusDays(2), EXIT);
        assertThat(read(submit(traveller, other)).get("status").asString()).isEqualTo("APPROVED");
        String second = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT.plusDays(1));
        assertThat(read(submit(traveller, second)).get("status").asString()).isEqualTo("APPROVED");

        Map<String, String> statuses = statuses(traveller);
        assertThat(statuses).containsEntry(first, "CANCELLED").containsEntry(second, "APPROVED")
                .containsEntry(other, "APPROVED");
        JsonNode cancelled = preregistrationEvent(first, "PreRegistrationCancelled").get("payload");
        assertThat(cancelled.get("reason").asString()).isEqualTo("SUPERSEDED");
        assertThat(PublishedSchemas.errors(preregistrationEvent(first, "PreRegistrationCancelled"))).isEmpty();
        assertThat(cancelled.get("supersededBy").asString()).isEqualTo(second);
        assertThat(partnerDecisions(first, 2).stream().map(d -> d.get("payload").get("decision").asString()))
                .containsExactly("APPROVED", "CANCELLED");
    }

    @Test
    @DisplayName("R-PRE-10 two submissions for the same entry date at the same moment: exactly one stays approved")
    void simultaneousSubmissions() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        String a = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        String b = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> submit(traveller, a));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> submit(traveller, b));
        assertThat(read(first.join()).get("status").asString()).isEqualTo("APPROVED");
        assertThat(read(second.join()).get("status").asString()).isEqualTo("APPROVED");
        Map<String, String> statuses = statuses(traveller);
        assertThat(List.of(statuses.get(a), statuses.get(b))).containsExactlyInAnyOrder("APPROVED", "CANCELLED");
    }

    @Test
    @DisplayName("R-PRE-6 travel within 24 hours is a warning, not a block")
    void lateWarning() {
        TestTraveller traveller = traveller();
        String id = completeDraft(traveller, colombianPassport(traveller), "NO_NUE", TODAY.plusDays(1),
                TODAY.plusDays(8));
        HttpResponse<String> response = submit(traveller, id);
        assertThat(read(response).get("status").asString()).isEqualTo("APPROVED");
        assertThat(read(response).get("warning").asString()).contains("24 horas");
    }

    @Test
    @DisplayName("R-PRE-8 a document that expired after the draft was made is rejected at submission (documents.v1 DocumentExpired)")
    void documentExpiredMeanwhile() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        String id = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        publish(new DocumentExpired(UUID.fromString(documentId), traveller.id(),
                LocalDate.parse("2031-03-01")), traveller.id());
        awaitDocumentStatus(documentId, "EXPIRED");
        assertThat(read(submit(traveller, id)).get("status").asString()).isEqualTo("REJECTED");
        assertThat(preregistrationEvent(id, "PreRegistrationRejected").get("payload").get("failedRules")
                .valueStream().map(JsonNode::asString)).containsExactly("DOCUMENT_VALID_COLOMBIAN");
    }

    @Test
    @DisplayName("R-PRE-4 a draft missing a required file is rejected by ATTACHMENTS_PRESENT")
    void missingAttachmentRejected() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        HttpResponse<String> created = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NO_NUE"));
        String id = read(created).get("id").asString();
        expectOk(put(traveller, "/api/preregistrations/" + id + "/travel", travel(ENTRY, EXIT)));
        expectOk(put(traveller, "/api/preregistrations/" + id + "/additional", additional()));
        expectOk(put(traveller, "/api/preregistrations/" + id + "/control", eligibleAnswers()));
        assertThat(read(submit(traveller, id)).get("status").asString()).isEqualTo("REJECTED");
        assertThat(preregistrationEvent(id, "PreRegistrationRejected").get("payload").get("failedRules")
                .valueStream().map(JsonNode::asString)).containsExactly("ATTACHMENTS_PRESENT");
    }

    @Test
    @DisplayName("R-PRE-12 R-PRE-13 an incomplete submission or one without the terms saves nothing; a decided one cannot be sent again; no payment step")
    void neverHalfSaved() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        HttpResponse<String> created = post(traveller, "/api/preregistrations",
                Map.of("documentId", documentId, "variant", "NO_NUE"));
        String incomplete = read(created).get("id").asString();
        expectOk(put(traveller, "/api/preregistrations/" + incomplete + "/travel", travel(ENTRY, EXIT)));
        HttpResponse<String> refused = post(traveller, "/api/preregistrations/" + incomplete + "/submit",
                Map.of("termsAccepted", false));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("additional", "control", "termsAccepted");
        assertThat(read(get(traveller, "/api/preregistrations/" + incomplete)).get("status").asString())
                .isEqualTo("DRAFT");

        String id = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        assertThat(read(submit(traveller, id)).get("status").asString()).isEqualTo("APPROVED");
        HttpResponse<String> again = submit(traveller, id);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again).get("code").asString()).isEqualTo("not_draft");
        assertThat(put(traveller, "/api/preregistrations/" + id + "/travel", travel(ENTRY, EXIT)).statusCode())
                .isEqualTo(409);
        assertThat(preregistrationEventTypes(id, "PreRegistrationApproved"))
                .containsExactly("PreRegistrationSubmitted", "PreRegistrationApproved");
        Document stored = mongo.findById(id, Document.class, "preregistrations");
        assertThat(stored.getString("status")).isEqualTo("APPROVED");
        assertThat(stored.keySet()).noneMatch(key -> key.toLowerCase().contains("payment"));
    }

    @Test
    @DisplayName("R-PRE-11 an approved pre-registration is rescheduled and decided again (Amended then Approved); a draft cannot be")
    void reschedule() {
        TestTraveller traveller = traveller();
        String documentId = colombianPassport(traveller);
        String id = completeDraft(traveller, documentId, "NO_NUE", ENTRY, EXIT);
        Map<String, Object> newFlight = Map.of("entryDate", ENTRY.plusDays(3).toString(),
                "exitDate", EXIT.plusDays(3).toString(), "airline", "CM", "flightNumber", "CM402");
        assertThat(post(traveller, "/api/preregistrations/" + id + "/reschedule", newFlight).statusCode())
                .as("only approved ones").isEqualTo(409);
        submit(traveller, id);

        HttpResponse<String> rescheduled = post(traveller, "/api/preregistrations/" + id + "/reschedule", newFlight);
        assertThat(rescheduled.statusCode()).as(rescheduled.body()).isEqualTo(200);
        assertThat(read(rescheduled).get("status").asString()).isEqualTo("APPROVED");
        JsonNode amended = preregistrationEvent(id, "PreRegistrationAmended").get("payload");
        assertThat(amended.get("previousEntryDate").asString()).isEqualTo(ENTRY.toString());
        assertThat(amended.get("trip").get("flightNumber").asString()).isEqualTo("CM402");
        assertThat(events(Topics.PREREGISTRATIONS, id::equals,
                found -> found.size() >= 4).stream().map(e -> e.get("type").asString()).toList())
                .containsExactly("PreRegistrationSubmitted", "PreRegistrationApproved", "PreRegistrationAmended",
                        "PreRegistrationApproved");
        // keyed by passport and entry date: ordered per date, not across dates
        List<JsonNode> decisions = partnerDecisions(id, 3);
        assertThat(decisions.stream().filter(d -> ENTRY.toString().equals(d.get("payload").get("entryDate").asString()))
                .map(d -> d.get("payload").get("decision").asString())).containsExactly("APPROVED", "CANCELLED");
        assertThat(decisions.stream()
                .filter(d -> ENTRY.plusDays(3).toString().equals(d.get("payload").get("entryDate").asString()))
                .map(d -> d.get("payload").get("decision").asString())).containsExactly("APPROVED");
        assertThat(PublishedSchemas.errors(preregistrationEvent(id, "PreRegistrationAmended"))).isEmpty();
        JsonNode reloaded = read(get(traveller, "/api/preregistrations/" + id));
        assertThat(reloaded.get("travel").get("entryDate").asString()).isEqualTo(ENTRY.plusDays(3).toString());
        assertThat(reloaded.get("travel").get("arrivalAirport").asString()).isEqualTo("CUN");

        HttpResponse<String> tooLong = post(traveller, "/api/preregistrations/" + id + "/reschedule",
                Map.of("entryDate", ENTRY.toString(), "exitDate", ENTRY.plusDays(181).toString(), "airline", "CM",
                        "flightNumber", "CM402"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(read(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("exitDate");
    }

    @Test
    @DisplayName("R-FMM-3 R-PRE-11 both e-mails again at most once per 5 minutes by recovery and 10 times a day by reschedule (429 with Retry-After); the same flight again is refused (409)")
    void mailsAgainWithinLimits() {
        TestTraveller traveller = traveller();
        String id = completeDraft(traveller, colombianPassport(traveller), "NO_NUE", ENTRY, EXIT);
        submit(traveller, id);
        String base = "/api/preregistrations/" + id;

        assertThat(post(traveller, base + "/recovery", Map.of()).statusCode()).isEqualTo(202);
        clock.advance(Duration.ofMinutes(4));
        HttpResponse<String> tooSoon = post(traveller, base + "/recovery", Map.of());
        assertThat(tooSoon.statusCode()).as(tooSoon.body()).isEqualTo(429);
        assertThat(read(tooSoon).get("code").asString()).isEqualTo("recovery_too_soon");
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("60");
        clock.advance(Duration.ofMinutes(1));
        assertThat(post(traveller, base + "/recovery", Map.of()).statusCode()).isEqualTo(202);

        HttpResponse<String> unchanged = post(traveller, base + "/reschedule", Map.of("entryDate", ENTRY.toString(),
                "exitDate", EXIT.toString(), "airline", "av", "flightNumber", "av36"));
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(409);
        assertThat(read(unchanged).get("code").asString()).isEqualTo("reschedule_unchanged");
        Instant first = clock.instant();
        for (int flight = 100; flight <= 110; flight++) {
            HttpResponse<String> rescheduled = post(traveller, base + "/reschedule", Map.of("entryDate",
                    ENTRY.toString(), "exitDate", EXIT.toString(), "airline", "CM", "flightNumber", "CM" + flight));
            if (flight < 110) {
                assertThat(rescheduled.statusCode()).as(rescheduled.body()).isEqualTo(200);
                clock.advance(Duration.ofMinutes(1));
            } else {
                assertThat(rescheduled.statusCode()).as(rescheduled.body()).isEqualTo(429);
                assertThat(read(rescheduled).get("code").asString()).isEqualTo("reschedule_limit");
                assertThat(rescheduled.headers().firstValue("Retry-After"))
                        .hasValue(String.valueOf(Duration.ofDays(1).minusMinutes(10).toSeconds()));
            }
        }
        clock.set(first.plus(Duration.ofDays(1)).plusSeconds(1));
        expectOk(post(traveller, base + "/reschedule", Map.of("entryDate", ENTRY.toString(),
                "exitDate", EXIT.toString(), "airline", "CM", "flightNumber", "CM111")));

        List<String> types = events(Topics.PREREGISTRATIONS, id::equals, found -> found.stream()
                .filter(e -> "PreRegistrationAmended".equals(e.get("type").asString())).count() >= 11)
                .stream().map(e -> e.get("type").asString()).toList();
        assertThat(types).filteredOn("FmmeRecoveryRequested"::equals).hasSize(2);
        assertThat(types).filteredOn("PreRegistrationAmended"::equals).hasSize(11);
        assertThat(read(get(traveller, base)).get("travel").get("flightNumber").asString()).isEqualTo("CM111");
    }

    @Test
    @DisplayName("R-PRE-8 R-FMM-1 at most 20 submissions a day per account, each issuing the FMME and both e-mails: the 21st is 429 submission_limit with Retry-After and stays a draft; a day after the first, it is decided")
    void submissionsPerDayBounded() {
        TestTraveller traveller = traveller();
        String passport = colombianPassport(traveller);
        Instant first = clock.instant();
        for (int n = 0; n < 20; n++) {
            String id = completeDraft(traveller, passport, "NUE", ENTRY, EXIT);
            assertThat(read(submit(traveller, id)).get("status").asString()).isEqualTo("APPROVED");
            clock.advance(Duration.ofMinutes(1));
        }
        String over = completeDraft(traveller, passport, "NUE", ENTRY, EXIT);
        HttpResponse<String> refused = submit(traveller, over);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(read(refused).get("code").asString()).isEqualTo("submission_limit");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValue(String.valueOf(Duration.ofDays(1).minusMinutes(20).toSeconds()));
        assertThat(read(get(traveller, "/api/preregistrations/" + over)).get("status").asString())
                .isEqualTo("DRAFT");

        clock.set(first.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(read(submit(traveller, over)).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("R-PRE-8 the daily limit holds for simultaneous submissions of one account, over several passports: never more than 20 decided")
    void submissionsPerDayBoundedWhenSimultaneous() throws Exception {
        TestTraveller traveller = traveller();
        List<String> drafts = new ArrayList<>();
        for (int passport = 0; passport < 3; passport++) {
            String documentId = colombianPassport(traveller);
            for (int n = 0; n < 8; n++) {
                drafts.add(completeDraft(traveller, documentId, "NUE", ENTRY.plusDays(n), EXIT.plusDays(n)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            drafts.forEach(id -> answers.add(pool.submit(() -> submit(traveller, id))));
            int approved = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    approved++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isIn(409, 429);
                    assertThat(read(response).get("code").asString())
                            .isIn("submission_limit", "concurrent_change");
                }
            }
            assertThat(approved).isBetween(1, 20);
            for (String id : drafts) {
                if (approved < 20 && "DRAFT".equals(read(get(traveller, "/api/preregistrations/" + id))
                        .get("status").asString())) {
                    expectOk(submit(traveller, id));
                    approved++;
                }
            }
            assertThat(approved).isEqualTo(20);
            assertThat(statuses(traveller).values()).filteredOn("DRAFT"::equals).hasSize(4);
        } finally {
            pool.shutdown();
        }
    }

    private Map<String, String> statuses(TestTraveller traveller) {
        Map<String, String> statuses = new HashMap<>();
        read(get(traveller, "/api/preregistrations")).valueStream()
                .forEach(entry -> statuses.put(entry.get("id").asString(), entry.get("status").asString()));
        return statuses;
    }
}

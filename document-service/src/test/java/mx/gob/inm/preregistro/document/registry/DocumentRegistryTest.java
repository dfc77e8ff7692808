package mx.gob.inm.preregistro.document.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationSubmitted;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;
import mx.gob.inm.preregistro.document.SignedInTest;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.platform.captcha.IssuedCaptcha;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;
import mx.gob.inm.preregistro.testing.TopicRecords;

class DocumentRegistryTest extends SignedInTest {

    @Autowired
    Captchas captchas;
    @Autowired
    ExpiryJob expiryJob;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    /** A Colombian passport valid for years, as the traveller confirms it, with a fresh captcha. */
    private Map<String, Object> passport(String number) {
        IssuedCaptcha captcha = captchas.issue();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("documentType", "P");
        form.put("issuingState", "COL");
        form.put("documentNumber", number);
        form.put("surname", "Restrepo Gómez");
        form.put("givenNames", "Ana María");
        form.put("nationality", "COL");
        form.put("birthDate", "1990-03-14");
        form.put("sex", "F");
        form.put("expiryDate", "2031-01-31");
        form.put("classification", "ORDINARY");
        form.put("captchaId", captcha.id());
        form.put("captchaAnswer", captcha.answer());
        return form;
    }

    private static String number() {
        return "AX" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        read(response.body()).get("errors").forEach(e -> errors.add(e.get("field").asString() + ":"
                + e.get("code").asString()));
        return errors;
    }

    @Test
    @DisplayName("R-DOC-4 R-DOC-11 register → 201 VALID with DocumentRegistered and DocumentValidated on documents.v1; listed; the same passport again → 409")
    void registerListAndRefuseDuplicate() throws Exception {
        TestTraveller ana = traveller("ana.registro@example.com");
        String number = number();

        HttpResponse<String> created = post(ana, "/api/documents", passport(number));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode document = read(created.body());
        assertThat(document.get("status").asString()).isEqualTo("VALID");
        assertThat(document.get("surname").asString()).isEqualTo("RESTREPO GÓMEZ");
        String id = document.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/documents/" + id);

        List<String> events = TopicRecords.withKey(Topics.DOCUMENTS, id, 2);
        assertThat(events).extracting(e -> read(e).get("type").asString())
                .containsExactly("DocumentRegistered", "DocumentValidated");
        JsonNode registered = read(events.get(0));
        assertThat(registered.get("subject").asString()).isEqualTo(ana.id());
        assertThat(registered.get("payload").get("documentNumber").asString()).isEqualTo(number);
        assertThat(registered.get("payload").get("accountId").asString()).isEqualTo(ana.id());

        JsonNode list = read(get(ana, "/api/documents").body());
        assertThat(list.findValuesAsString("id")).contains(id);
        assertThat(read(get(ana, "/api/documents/" + id).body()).get("documentNumber").asString()).isEqualTo(number);

        HttpResponse<String> again = post(ana, "/api/documents", passport(number.toLowerCase()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
    }

    @Test
    @DisplayName("R-DOC-5 R-DOC-7 R-DOC-8 one error per field and rule (validity under 6 months on expiryDate) without spending the captcha; a wrong captcha → captchaAnswer")
    void rules() throws Exception {
        TestTraveller ana = traveller("ana.reglas@example.com");
        Map<String, Object> form = passport(number());
        form.put("expiryDate", LocalDate.of(2026, 12, 14).toString());   // 6 months from 2026-06-15 is 2026-12-15
        form.put("classification", "OFFICIAL");
        form.put("issuingState", "CO1");
        form.put("sex", "Q");
        form.put("birthDate", "14/03/1990");
        form.remove("surname");

        HttpResponse<String> refused = post(ana, "/api/documents", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactlyInAnyOrder("expiryDate:validity_too_short",
                "classification:invalid", "issuingState:format", "sex:invalid", "birthDate:format", "surname:required");
        assertThat(read(refused.body()).get("errors").get(0).get("message").asString()).isNotBlank();

        form.put("expiryDate", "2026-12-15");
        form.put("classification", "DIPLOMATIC");
        form.put("issuingState", "COL");
        form.put("sex", "F");
        form.put("birthDate", "1990-03-14");
        form.put("surname", "Restrepo");
        HttpResponse<String> corrected = post(ana, "/api/documents", form);   // same captcha: it was not spent
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(read(corrected.body()).get("classification").asString()).isEqualTo("DIPLOMATIC");

        Map<String, Object> wrongCaptcha = passport(number());
        wrongCaptcha.put("captchaAnswer", "0000");
        assertThat(errors(post(ana, "/api/documents", wrongCaptcha))).containsExactly("captchaAnswer:captcha");
    }

    @Test
    @DisplayName("R-DOC-4 R-DOC-5 R-DOC-8 dates no passport has are refused on their field: a signed or five-digit year (a 500 before), a birth more than 130 years ago, an expiry more than 10 years ahead")
    void datesNoPassportHas() throws Exception {
        TestTraveller ana = traveller("ana.fechas@example.com");
        Map<String, Object> form = passport(number());
        form.put("birthDate", "-999999999-01-01");
        form.put("expiryDate", "+999999999-12-31");
        assertThat(errors(post(ana, "/api/documents", form))).containsExactlyInAnyOrder("birthDate:format",
                "expiryDate:format");

        form.put("birthDate", "1896-06-14");   // 130 years and a day before 2026-06-15
        form.put("expiryDate", "2036-06-16");  // 10 years and a day after it
        HttpResponse<String> refused = post(ana, "/api/documents", form);
        assertThat(errors(refused)).containsExactlyInAnyOrder("birthDate:birth_too_early",
                "expiryDate:validity_too_long");
        assertThat(read(refused.body()).get("errors").findValuesAsString("message")).containsExactlyInAnyOrder(
                "Verifique la fecha de nacimiento: no puede ser de hace más de 130 años.",
                "Verifique la fecha de expiración: un pasaporte tiene una vigencia máxima de 10 años.");

        form.put("birthDate", "1896-06-15");
        form.put("expiryDate", "2036-06-15");
        HttpResponse<String> oldest = post(ana, "/api/documents", form);
        assertThat(oldest.statusCode()).as(oldest.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-DOC-9 R-SEC another traveller's document is not found (read, delete, services) and not listed; no token → 401")
    void ownerOnly() throws Exception {
        TestTraveller ana = traveller("ana.duena@example.com");
        TestTraveller luis = traveller("luis.ajeno@example.com");
        String id = read(post(ana, "/api/documents", passport(number())).body()).get("id").asString();

        assertThat(get(luis, "/api/documents/" + id).statusCode()).isEqualTo(404);
        assertThat(get(luis, "/api/documents/" + id + "/services").statusCode()).isEqualTo(404);
        assertThat(delete(luis, "/api/documents/" + id).statusCode()).isEqualTo(404);
        assertThat(read(get(luis, "/api/documents").body()).findValuesAsString("id")).doesNotContain(id);
        assertThat(get(ana, "/api/documents/" + id).statusCode()).isEqualTo(200);
        assertThat(get(ana, "/api/documents/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(get(null, "/api/documents").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("R-DOC-9 a document without service records: DELETE → 202, deletion pending (DocumentDeletionRequested, asking again changes nothing, no services); deleted on DocumentWithdrawn (DocumentDeleted), what it said of its holder erased, registrable again; one with a submitted pre-registration → 409")
    void delete() throws Exception {
        TestTraveller ana = traveller("ana.borra@example.com");
        String number = number();
        String free = read(post(ana, "/api/documents", passport(number)).body()).get("id").asString();
        String used = read(post(ana, "/api/documents", passport(number())).body()).get("id").asString();
        publishSubmitted(ana.id(), UUID.fromString(used));

        HttpResponse<String> asked = delete(ana, "/api/documents/" + free);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(read(asked.body()).get("deleting").asBoolean()).isTrue();
        assertThat(delete(ana, "/api/documents/" + free).statusCode()).as("asked again").isEqualTo(202);
        assertThat(read(get(ana, "/api/documents/" + free).body()).get("deleting").asBoolean()).isTrue();
        assertThat(read(get(ana, "/api/documents/" + free + "/services").body())).isEmpty();
        assertThat(TopicRecords.withKey(Topics.DOCUMENTS, free, 3)).extracting(e -> read(e).get("type").asString())
                .containsExactly("DocumentRegistered", "DocumentValidated", "DocumentDeletionRequested");

        publish(new DocumentWithdrawn(UUID.fromString(free), ana.id()), ana.id());

        assertThat(TopicRecords.withKey(Topics.DOCUMENTS, free, 4)).extracting(e -> read(e).get("type").asString())
                .containsExactly("DocumentRegistered", "DocumentValidated", "DocumentDeletionRequested",
                        "DocumentDeleted");
        assertThat(get(ana, "/api/documents/" + free).statusCode()).isEqualTo(404);
        assertThat(mongo.findById(UUID.fromString(free), Document.class, "documents"))
                .as("what it said about its holder erased").containsEntry("deleted", true)
                .doesNotContainKeys("documentNumber", "surname", "givenNames", "birthDate", "sex", "passportKey");
        assertThat(post(ana, "/api/documents", passport(number)).statusCode()).isEqualTo(201);

        HttpResponse<String> refused = awaitInUse(ana, used);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(read(refused.body()).get("detail").asString()).contains("registro de servicio");
        assertThat(get(ana, "/api/documents/" + used).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-DOC-9 a submission that reached preregistration-service before the deletion request cancels the deletion: the document stays, in use, and a withdrawal never deletes a document in use")
    void submissionFirstCancelsTheDeletion() throws Exception {
        TestTraveller ana = traveller("ana.carrera@example.com");
        String id = read(post(ana, "/api/documents", passport(number())).body()).get("id").asString();
        assertThat(delete(ana, "/api/documents/" + id).statusCode()).isEqualTo(202);

        publishSubmitted(ana.id(), UUID.fromString(id));

        HttpResponse<String> refused = awaitInUse(ana, id);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode document = read(get(ana, "/api/documents/" + id).body());
        assertThat(document.get("deleting").asBoolean()).isFalse();
        assertThat(document.get("inUse").asBoolean()).isTrue();
        double handled = withdrawalsHandled();
        publish(new DocumentWithdrawn(UUID.fromString(id), ana.id()), ana.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (withdrawalsHandled() <= handled) {
            assertThat(System.nanoTime()).as("the withdrawal handled").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(read(get(ana, "/api/documents/" + id).body()).get("inUse").asBoolean()).isTrue();
    }

    /** How many {@code DocumentWithdrawn} the service-records listener handled, from its metric. */
    private double withdrawalsHandled() throws Exception {
        return get(null, "/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("preregistro_events_handled_total{")
                        && line.contains("consumer=\"document.service-records\"")
                        && line.contains("type=\"DocumentWithdrawn\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @DisplayName("R-DOC-9 R-DOC-11 at most 10 documents registered at once per account: the 11th → 409 document_limit without spending its captcha, and so is a photo, before it is read; deleting one frees its place")
    void documentsPerAccountBounded() throws Exception {
        TestTraveller ana = traveller("ana.diez@example.com");
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            HttpResponse<String> created = post(ana, "/api/documents", passport(number()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(read(created.body()).get("id").asString());
        }
        Map<String, Object> eleventh = passport(number());

        HttpResponse<String> refused = post(ana, "/api/documents", eleventh);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(read(refused.body()).get("code").asString()).isEqualTo("document_limit");
        assertThat(read(refused.body()).get("detail").asString()).contains("Elimine uno");
        assertThat(read(get(ana, "/api/documents").body()).findValuesAsString("id")).hasSize(10);
        assertThat(post(traveller("otro.diez@example.com"), "/api/documents", passport(number())).statusCode())
                .as("another account's place").isEqualTo(201);

        byte[] notAPhoto = "<html>no es una foto</html>".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> photo = upload(ana, "pasaporte.png", notAPhoto, Map.of());
        assertThat(photo.statusCode()).as("the photo refused before it is read").isEqualTo(409);
        assertThat(read(photo.body()).get("code").asString()).isEqualTo("document_limit");

        deleteWithdrawn(ana, ids.get(3));
        assertThat(upload(ana, "pasaporte.png", notAPhoto, Map.of()).statusCode()).as("read: not a photo")
                .isEqualTo(400);
        assertThat(post(ana, "/api/documents", eleventh).statusCode()).as("the same captcha").isEqualTo(201);
    }

    /** The service record arrives through Kafka: delete is retried until the listener has seen it. */
    private HttpResponse<String> awaitInUse(TestTraveller traveller, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!read(get(traveller, "/api/documents/" + id).body()).get("inUse").asBoolean()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return delete(traveller, "/api/documents/" + id);
    }

    private void publishSubmitted(String accountId, UUID documentId) throws Exception {
        publish(new PreRegistrationSubmitted(UUID.randomUUID(), accountId, documentId,
                PreRegistrationVariant.NO_NUE, new Trip(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 20), "CUN",
                        "Avianca", "AV254", "COL", "Bogotá", "TURISMO")), accountId);
    }

    @Test
    @DisplayName("R-PRE-1 a valid Colombian document offers Pre-registro; a Venezuelan one offers nothing")
    void services() throws Exception {
        TestTraveller ana = traveller("ana.servicios@example.com");
        String colombian = read(post(ana, "/api/documents", passport(number())).body()).get("id").asString();
        Map<String, Object> venezuelan = passport(number());
        venezuelan.put("issuingState", "VEN");
        venezuelan.put("nationality", "VEN");
        String other = read(post(ana, "/api/documents", venezuelan).body()).get("id").asString();

        assertThat(read(get(ana, "/api/documents/" + colombian + "/services").body()).findValuesAsString("code"))
                .containsExactly("PRE_REGISTRO");
        assertThat(read(get(ana, "/api/documents/" + other + "/services").body())).isEmpty();
    }

    @Test
    @DisplayName("R-DOC-10 once its expiry date passes a document is EXPIRED with DocumentExpired (once, whatever runs the job again) and offers no services")
    void expiry() throws Exception {
        TestTraveller ana = traveller("ana.vence@example.com");
        Map<String, Object> form = passport(number());
        form.put("expiryDate", "2027-01-10");
        String id = read(post(ana, "/api/documents", form).body()).get("id").asString();

        clock.set(Instant.parse("2027-01-10T12:00:00Z"));
        expiryJob.expire();
        assertThat(read(get(ana, "/api/documents/" + id).body()).get("status").asString()).isEqualTo("VALID");

        clock.set(Instant.parse("2027-01-11T12:00:00Z"));
        assertThat(expiryJob.expire()).isPositive();
        assertThat(expiryJob.expire()).isZero();
        assertThat(read(get(ana, "/api/documents/" + id).body()).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(read(get(ana, "/api/documents/" + id + "/services").body())).isEmpty();
        assertThat(TopicRecords.withKey(Topics.DOCUMENTS, id, 3)).extracting(e -> read(e).get("type").asString())
                .containsExactly("DocumentRegistered", "DocumentValidated", "DocumentExpired");
    }

    @Test
    @DisplayName("R-ENT-5 when the holder closes the account (AccountClosed) their documents' personal data is erased and they are gone; the account's token, valid a few minutes more, registers nothing new (403 account_closed)")
    void accountClosed() throws Exception {
        TestTraveller ana = traveller("ana.cierre@example.com");
        String id = read(post(ana, "/api/documents", passport(number())).body()).get("id").asString();

        publish(new AccountClosed(ana.id(), "ana.cierre@example.com", "Ana", Language.es), ana.id());

        assertThat(TopicRecords.withKey(Topics.DOCUMENTS, id, 3)).extracting(e -> read(e).get("type").asString())
                .containsExactly("DocumentRegistered", "DocumentValidated", "DocumentDeleted");
        assertThat(get(ana, "/api/documents/" + id).statusCode()).isEqualTo(404);
        Document stored = mongo.findById(UUID.fromString(id), Document.class, "documents");
        assertThat(stored).doesNotContainKeys("documentNumber", "surname", "givenNames", "birthDate");

        HttpResponse<String> afterClosing = post(ana, "/api/documents", passport(number()));
        assertThat(afterClosing.statusCode()).as("the token, still valid, registers nothing new").isEqualTo(403);
        assertThat(read(afterClosing.body()).get("code").asString()).isEqualTo("account_closed");
        assertThat(read(afterClosing.body()).get("detail").asString()).contains("Esta cuenta fue cancelada");
        assertThat(mongo.count(query(where("accountId").is(ana.id())), "documents")).isEqualTo(1);
    }
}

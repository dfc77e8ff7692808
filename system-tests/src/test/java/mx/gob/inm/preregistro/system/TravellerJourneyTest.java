package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.TravellerSession.expect;
import static mx.gob.inm.preregistro.system.TravellerSession.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The traveller's whole journey through the gateway of the running stack, as the web UI makes it: account, passport,
 * pre-registration in four steps with attachments, the decision, both e-mails, and the two PDFs.
 */
@ExtendWith(RunningStack.class)
class TravellerJourneyTest {

    private static final String PASSWORD = "Viajera#2026";
    private final LocalStack stack = RunningStack.stack();

    @Test
    @DisplayName("R-DOC-4 R-PRE-1 R-PRE-3 R-PRE-4 R-PRE-8 R-PRE-11 R-FMM-1 R-FMM-2 R-NOT-1 a traveller registers a passport, pre-registers (variant III), is approved, gets the FMM link and the QR receipt by e-mail and downloads both PDFs; nobody else can")
    void fromPassportToFmme() throws Exception {
        TravellerSession ana = TravellerSession.registered(stack, "Ana Lucía", PASSWORD);
        String documentId = registerPassport(ana, "AL" + (1_000_000 + (int) (Math.random() * 8_999_999)));

        JsonNode services = read(expect(ana.get("/api/documents/" + documentId + "/services"), 200));
        assertThat(services.findValuesAsString("code")).containsExactly("PRE_REGISTRO");

        String id = approvedPreRegistration(ana, documentId, LocalDate.now(ZoneId.of("America/Mexico_City"))
                .plusDays(10));

        String fmmeMail = ana.awaitMail("FMM");
        String qrMail = ana.awaitMail("QR");
        assertThat(fmmeMail).contains("/api/fmme/" + id + "/fmme.pdf");
        assertThat(qrMail).contains("/api/fmme/" + id + "/qr.pdf");

        for (String pdf : new String[] {"fmme.pdf", "qr.pdf"}) {
            HttpResponse<byte[]> download = ana.download("/api/fmme/" + id + "/" + pdf);
            assertThat(download.statusCode()).as(pdf).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/pdf"));
            assertThat(new String(download.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(download.body().length).as("%s size", pdf).isLessThan(150 * 1024);
        }

        JsonNode history = read(expect(ana.get("/api/preregistrations"), 200));
        JsonNode entry = null;
        for (JsonNode candidate : history) {
            if (candidate.get("id").asString().equals(id)) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the pre-registration in the history").isNotNull();
        assertThat(entry.get("status").asString()).isEqualTo("APPROVED");

        TravellerSession luis = TravellerSession.registered(stack, "Luis", PASSWORD);
        assertThat(luis.download("/api/fmme/" + id + "/fmme.pdf").statusCode()).isEqualTo(404);
        assertThat(luis.get("/api/preregistrations/" + id).statusCode()).isEqualTo(404);
        assertThat(luis.get("/api/documents/" + documentId).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-ACC-1 R-DOC-5 sixteen travellers at once create their accounts, activate them, sign in and register a passport: every call is answered (none waits on a connection the gateway stopped reading)")
    void manyTravellersAtOnce() throws Exception {
        // Before the gateway's Reactor Netty 1.3.9, a browser's next request sent the moment a response ended could be
        // queued as pipelined and never read: here the first signed-in captcha of a few travellers waited until the
        // client's 30 s timeout, in every run of this preparation.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> documents = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                documents.add(pool.submit(() -> registerPassport(TravellerSession.registered(stack, "Simultanea",
                        PASSWORD), "SI" + (1_000_000 + (int) (Math.random() * 8_999_999)))));
            }
            for (Future<String> document : documents) {
                assertThat(document.get()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("R-DOC-9 a passport with only a draft is deleted once preregistration-service withdraws it, the draft with it; one deleted right after its submission stays, in use, whichever service heard first")
    void deletionAndSubmission() throws Exception {
        TravellerSession leo = TravellerSession.registered(stack, "Leo", PASSWORD);
        LocalDate today = LocalDate.now(ZoneId.of("America/Mexico_City"));
        String unused = registerPassport(leo, "LD" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        String draft = readyToSubmit(leo, unused, today.plusDays(20));
        String used = registerPassport(leo, "LU" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        String approved = approvedPreRegistration(leo, used, today.plusDays(30));

        HttpResponse<String> asked = expect(leo.delete("/api/documents/" + unused), 202);
        assertThat(read(asked).get("deleting").asBoolean()).isTrue();
        HttpResponse<String> usedAsked = leo.delete("/api/documents/" + used);   // PreRegistrationSubmitted on its way

        awaitStatus(leo, "/api/documents/" + unused, 404);
        awaitStatus(leo, "/api/preregistrations/" + draft, 404);   // the draft erased on DocumentDeleted
        assertThat(usedAsked.statusCode()).as(usedAsked.body()).isIn(202, 409);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode kept = read(expect(leo.get("/api/documents/" + used), 200));
        while (!kept.get("inUse").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            kept = read(expect(leo.get("/api/documents/" + used), 200));
        }
        assertThat(kept.get("inUse").asBoolean()).as("in use").isTrue();
        assertThat(kept.get("deleting").asBoolean()).as("no deletion pending").isFalse();
        assertThat(read(expect(leo.get("/api/preregistrations/" + approved), 200)).get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(read(expect(leo.delete("/api/documents/" + used), 409)).get("code").asString())
                .isEqualTo("document_in_use");
    }

    private static void awaitStatus(TravellerSession traveller, String path, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (traveller.get(path).statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(traveller.get(path).statusCode()).as(path).isEqualTo(status);
    }

    @Test
    @DisplayName("R-ENT-5 a traveller downloads what the platform holds about them (their scans and e-mails too) and closes the account: the approved pre-registration is cancelled and its FMME revoked, the draft erased, a confirmation e-mailed, nothing new stored, and the account can no longer sign in")
    void accessAndCancellation() throws Exception {
        TravellerSession eva = TravellerSession.registered(stack, "Eva", PASSWORD);
        String documentId = registerPassport(eva, "EV" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        LocalDate today = LocalDate.now(ZoneId.of("America/Mexico_City"));
        String approved = approvedPreRegistration(eva, documentId, today.plusDays(12));
        eva.awaitMail("FMM");
        String draft = readyToSubmit(eva, documentId, today.plusDays(40));
        String scan = read(expect(eva.upload("POST", "/api/documents/scans", "image", "pasaporte.png", "image/png",
                ticketPng()), 201)).get("scanId").asString();

        HttpResponse<String> export = expect(eva.get("/api/accounts/me/export"), 200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment", "mis-datos.json"));
        assertThat(export.body()).contains(eva.email, "Eva");
        assertThat(read(expect(eva.get("/api/documents/scans"), 200)).findValuesAsString("scanId"))
                .as("the passport scans, for the traveller's copy").containsExactly(scan);
        assertThat(read(expect(eva.get("/api/notifications"), 200)).findValuesAsString("kind"))
                .as("the e-mails sent to the account, for the traveller's copy")
                .contains("ACCOUNT_ACTIVATION", "FMME_LINK", "QR_RECEIPT");

        expect(eva.delete("/api/accounts/me"), 202);

        assertThat(eva.awaitMail("fue cancelada")).contains("Eva");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (eva.download("/api/fmme/" + approved + "/fmme.pdf").statusCode() != 404
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(eva.download("/api/fmme/" + approved + "/fmme.pdf").statusCode()).as("the FMME revoked")
                .isEqualTo(404);
        assertThat(read(expect(eva.get("/api/preregistrations/" + approved), 200)).get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(eva.get("/api/preregistrations/" + draft).statusCode()).as("the draft erased").isEqualTo(404);
        HttpResponse<String> afterClosing;
        do {   // document-service hears of the closure on its own
            afterClosing = eva.upload("POST", "/api/documents/scans", "image", "pasaporte.png", "image/png",
                    ticketPng());
        } while (afterClosing.statusCode() == 201 && Instant.now().isBefore(deadline.plusSeconds(30)));
        assertThat(afterClosing.statusCode()).as("the session's token, valid a few minutes more, stores nothing new")
                .isEqualTo(403);
        assertThat(read(afterClosing).get("code").asString()).isEqualTo("account_closed");

        TravellerSession again = TravellerSession.visitor(stack, eva.email);
        assertThatThrownBy(() -> again.signIn(PASSWORD))
                .as("a closed account cannot sign in").hasMessageContaining("sign-in of " + eva.email + " failed");
    }

    /** VALIDAR DOCUMENTO with the data as the traveller confirmed it; returns the document id. */
    static String registerPassport(TravellerSession traveller, String number) throws Exception {
        String[] captcha = traveller.captcha();
        HttpResponse<String> created = traveller.post("/api/documents", """
                {"documentType":"P","issuingState":"COL","documentNumber":"%s","surname":"RESTREPO GOMEZ",
                 "givenNames":"ANA LUCIA","nationality":"COL","birthDate":"1990-04-12","sex":"F",
                 "expiryDate":"%s","classification":"ORDINARY","captchaId":"%s","captchaAnswer":"%s"}
                """.formatted(number, LocalDate.now().plusYears(5), captcha[0], captcha[1]));
        return read(expect(created, 201)).get("id").asString();
    }

    /** The four steps of variant III and ENVIAR INFORMACIÓN; returns the id of the approved pre-registration. */
    static String approvedPreRegistration(TravellerSession traveller, String documentId, LocalDate entry)
            throws Exception {
        String id = readyToSubmit(traveller, documentId, entry);
        JsonNode decision = read(expect(submit(traveller, id), 200));
        assertThat(decision.get("status").asString()).as(decision.toString()).isEqualTo("APPROVED");
        return id;
    }

    /** ENVIAR INFORMACIÓN with the terms accepted. */
    static HttpResponse<String> submit(TravellerSession traveller, String id) throws Exception {
        return traveller.post("/api/preregistrations/" + id + "/submit", "{\"termsAccepted\":true}");
    }

    /** The four steps of variant III with their attachments, up to ENVIAR INFORMACIÓN; returns the draft's id. */
    static String readyToSubmit(TravellerSession traveller, String documentId, LocalDate entry) throws Exception {
        HttpResponse<String> draft = awaitDraft(traveller, documentId);
        // 200: past the drafts one document may have at once (their submissions failed), the newest resumed
        String id = read(expect(draft, draft.statusCode() == 200 ? 200 : 201)).get("id").asString();
        String path = "/api/preregistrations/" + id;
        expect(traveller.put(path + "/travel", """
                {"entryDate":"%s","exitDate":"%s","arrivalAirport":"CUN","airline":"AV","flightNumber":"AV254",
                 "originCountry":"COL","originCity":"Bogotá","purpose":"TURISMO"}
                """.formatted(entry, entry.plusDays(10))), 200);
        expect(traveller.put(path + "/additional", """
                {"lodgingType":"HOTEL","lodgingName":"Hotel Caribe","street":"Blvd. Kukulcán km 9","city":"Cancún",
                 "state":"Quintana Roo","postalCode":"77500","phone":"+529981234567","occupation":"Ingeniera"}
                """), 200);
        JsonNode form = read(expect(traveller.get("/api/preregistrations/form"), 200));
        StringBuilder answers = new StringBuilder();
        for (JsonNode question : form.get("questions")) {
            answers.append(answers.isEmpty() ? "" : ",").append('"').append(question.get("id").asString())
                    .append("\":false");
        }
        expect(traveller.put(path + "/control", "{\"answers\":{" + answers + "}}"), 200);
        for (JsonNode slot : form.get("attachmentSlots").get("NO_NUE")) {
            expect(traveller.upload("PUT", path + "/attachments/" + slot.get("slot").asString(), "file",
                    slot.get("slot").asString().toLowerCase() + ".png", "image/png", ticketPng()), 200);
        }
        return id;
    }

    /** The document reaches preregistration-service through Kafka: a draft is retried until it is known there. */
    static HttpResponse<String> awaitDraft(TravellerSession traveller, String documentId) throws Exception {
        String body = "{\"documentId\":\"" + documentId + "\",\"variant\":\"NO_NUE\"}";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> draft = traveller.post("/api/preregistrations", body);
        while (draft.statusCode() != 201 && draft.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            draft = traveller.post("/api/preregistrations", body);
        }
        return draft;
    }

    /**
     * A small scanned-looking page, as a phone photo of a ticket would be (PNG). Drawn once: the benchmark's load
     * generator sends thousands on the stack's own cores, and the service checks the same bytes each time anyway.
     */
    static byte[] ticketPng() {
        return Ticket.PNG.clone();
    }

    private static final class Ticket {

        static final byte[] PNG = draw();

        private static byte[] draw() {
            BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, 400, 300);
            graphics.setColor(Color.BLACK);
            graphics.drawString("Boleto AV254 BOG-CUN", 40, 60);
            graphics.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}

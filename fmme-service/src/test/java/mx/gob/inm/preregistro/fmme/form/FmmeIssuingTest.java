package mx.gob.inm.preregistro.fmme.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.fmme.Approvals;
import mx.gob.inm.preregistro.fmme.FmmeServiceTest;
import mx.gob.inm.preregistro.fmme.pdf.PdfReading;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class FmmeIssuingTest extends FmmeServiceTest {

    @Test
    @DisplayName("R-FMM-1 R-FMM-2 an approval delivered twice issues one FMME: one FmmeIssued, both PDFs open inline for the owner with the traveller's data and a QR readable at 150 dpi, each at most 150 KB")
    void approvalToPdfs() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(20);
        PreRegistrationApproved approval = Approvals.approval(owner.id(), entry, entry.plusDays(14));
        EventEnvelope<PreRegistrationApproved> approved = envelope(approval, owner.id());
        String id = approval.preregistrationId().toString();

        publish(approved);
        publish(approved);

        JsonNode issued = ofType(fmmeEvents(id, atLeast(1, "FmmeIssued")), "FmmeIssued").get(0).get("payload");
        String folio = issued.get("folio").asString();
        assertThat(folio).matches("FMME-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(issued.get("resend").asBoolean()).isFalse();
        assertThat(issued.get("accountId").asString()).isEqualTo(owner.id());
        assertThat(issued.get("email").asString()).isEqualTo("maria.rodriguez@example.com");
        assertThat(issued.get("entryDate").asString()).isEqualTo(entry.toString());
        assertThat(issued.get("fmmeDownloadUrl").asString())
                .isEqualTo("https://preregistro.example.mx/api/fmme/" + id + "/fmme.pdf");
        assertThat(issued.get("qrReceiptDownloadUrl").asString())
                .isEqualTo("https://preregistro.example.mx/api/fmme/" + id + "/qr.pdf");

        Thread.sleep(2000);
        assertThat(mongo.count(Query.query(Criteria.where("preregistrationId").is(approval.preregistrationId())),
                Fmme.COLLECTION)).as("one form for the approval delivered twice").isEqualTo(1);
        assertThat(ofType(fmmeEvents(id, atLeast(1, "FmmeIssued")), "FmmeIssued")).hasSize(1);

        byte[] fmme = download(id, "fmme.pdf", owner, folio + ".pdf");
        byte[] receipt = download(id, "qr.pdf", owner, folio + "-QR.pdf");
        assertThat(PdfReading.text(fmme)).contains("INSTITUTO NACIONAL DE MIGRACIÓN",
                "FORMA MIGRATORIA MÚLTIPLE ELECTRÓNICA", folio, "RODRÍGUEZ GÓMEZ", "MARÍA FERNANDA", "AX482915",
                "AV36", "CUN", "Ley de Migración");
        assertThat(PdfReading.text(receipt)).contains(folio, "MARÍA FERNANDA RODRÍGUEZ GÓMEZ", "AX482915", "AV36");
        for (byte[] pdf : List.of(fmme, receipt)) {
            assertThat(pdf.length).isLessThanOrEqualTo(150 * 1024);
            String seal = PdfReading.qrAt150Dpi(pdf);
            assertThat(seal).startsWith("FMME1:");
            assertThat(verify(seal).get("folio").asString()).isEqualTo(folio);
        }
    }

    @Test
    @DisplayName("R-FMM-2 another traveller, an unknown pre-registration and a malformed id get 404 problem+json; no token gets 401")
    void ownerOnly() throws Exception {
        TestTraveller owner = traveller();
        TestTraveller other = traveller();
        LocalDate entry = LocalDate.now().plusDays(10);
        PreRegistrationApproved approval = Approvals.approval(owner.id(), entry, entry.plusDays(5));
        approveAndAwaitIssued(approval);
        String id = approval.preregistrationId().toString();

        for (String file : List.of("fmme.pdf", "qr.pdf")) {
            HttpResponse<byte[]> foreign = get("/api/fmme/" + id + "/" + file, other.bearer());
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).contains("fmme_not_found");
            assertThat(get("/api/fmme/" + UUID.randomUUID() + "/" + file, owner.bearer()).statusCode()).isEqualTo(404);
            assertThat(get("/api/fmme/no-es-un-id/" + file, owner.bearer()).statusCode()).isEqualTo(404);
            assertThat(get("/api/fmme/" + id + "/" + file, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("R-FMM-3 a form that cannot be printed is reported with FmmeIssueFailed and nothing to download")
    void failure() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(10);
        PreRegistrationApproved valid = Approvals.approval(owner.id(), entry, entry.plusDays(5));
        PreRegistrationApproved unprintable = new PreRegistrationApproved(valid.preregistrationId(),
                valid.accountId(), valid.documentId(), valid.variant(),
                new Traveller("X".repeat(300), "ANA", "P", "AX1", "COL", "COL", LocalDate.of(1990, 1, 1), Sex.F,
                        "Ingeniera"),
                valid.trip(), valid.lodging(), null, null, valid.email(), valid.language());
        publish(envelope(unprintable, owner.id()));
        String id = valid.preregistrationId().toString();

        JsonNode failed = ofType(fmmeEvents(id, atLeast(1, "FmmeIssueFailed")), "FmmeIssueFailed").get(0);
        assertThat(failed.get("payload").get("accountId").asString()).isEqualTo(owner.id());
        assertThat(failed.get("payload").get("reason").asString()).isNotBlank();
        assertThat(get("/api/fmme/" + id + "/fmme.pdf", owner.bearer()).statusCode()).isEqualTo(404);
        await().atMost(WAIT).untilAsserted(() -> assertThat(issueCount("failed")).isPositive());
    }

    @Test
    @DisplayName("R-FMM-1 the time from an approval's arrival to its FMME is exported on /actuator/prometheus as preregistro_fmme_issue_seconds (count, sum, max) tagged outcome=issued and service")
    void issueTimerExported() throws Exception {
        double before = issueCount("issued");
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(12);
        approveAndAwaitIssued(Approvals.approval(owner.id(), entry, entry.plusDays(3)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(issueCount("issued")).isGreaterThanOrEqualTo(before + 1));
        String metrics = prometheus();
        for (String series : List.of("_sum", "_max")) {
            assertThat(metrics).containsPattern("(?m)^preregistro_fmme_issue_seconds" + series
                    + "\\{[^}]*outcome=\"issued\"[^}]*\\} [0-9.E-]+$");
        }
        assertThat(metrics)
                .containsPattern("(?m)^preregistro_fmme_issue_seconds_count\\{[^}]*service=\"fmme-service\"");
    }

    /** The issue timer's count of {@code outcome} as Prometheus scrapes it. */
    private double issueCount(String outcome) throws Exception {
        Matcher series = Pattern.compile("(?m)^preregistro_fmme_issue_seconds_count\\{([^}]*)\\} (\\S+)$")
                .matcher(prometheus());
        double count = 0;
        while (series.find()) {
            if (series.group(1).contains("outcome=\"" + outcome + "\"")) {
                count += Double.parseDouble(series.group(2));
            }
        }
        return count;
    }

    private String prometheus() throws Exception {
        HttpResponse<byte[]> response = get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private byte[] download(String id, String file, TestTraveller owner, String filename) throws Exception {
        HttpResponse<byte[]> response = get("/api/fmme/" + id + "/" + file, owner.bearer());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"" + filename + "\"");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return response.body();
    }
}

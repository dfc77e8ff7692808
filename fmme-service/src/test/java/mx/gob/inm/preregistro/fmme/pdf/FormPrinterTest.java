package mx.gob.inm.preregistro.fmme.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.Lodging;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;
import mx.gob.inm.preregistro.fmme.Approvals;
import mx.gob.inm.preregistro.fmme.FmmeProperties;
import mx.gob.inm.preregistro.fmme.seal.EcKeys;
import mx.gob.inm.preregistro.fmme.seal.SealContent;
import mx.gob.inm.preregistro.fmme.seal.SealSigner;
import mx.gob.inm.preregistro.fmme.seal.SealVerifier;

class FormPrinterTest {

    static final FmmeProperties PROPERTIES = new FmmeProperties("https://preregistro.example.mx",
            ZoneId.of("America/Mexico_City"), Duration.ofDays(180), new FmmeProperties.Seal(null, null, Map.of()));

    private final KeyPair key = EcKeys.generate();
    private final PreRegistrationApproved approval = Approvals.approval(UUID.randomUUID().toString(),
            LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 29));
    private final String seal = new SealSigner("dev-5e0c9a1f", key.getPrivate()).seal(new SealContent("FMME-2026-7KQ4X9ZD",
            "RODRÍGUEZ GÓMEZ", "MARÍA FERNANDA", "AX482915", "COL", LocalDate.of(2026, 1, 15), "AV36",
            Instant.parse("2025-11-24T15:30:12Z"), Instant.parse("2026-01-30T05:59:59Z")));
    private final FormPrinter.PrintedForm printed = new FormPrinter(PROPERTIES).print(new FormContent(
            "FMME-2026-7KQ4X9ZD", approval, Instant.parse("2025-11-24T15:30:12Z"),
            Instant.parse("2026-01-30T05:59:59Z"), seal));

    @Test
    @DisplayName("R-FMM-1 the FMME PDF prints the INM heading, folio, traveller, document, trip, lodging, validity and legal text on one page")
    void fmmeText() throws Exception {
        keepForLooking("fmme.pdf", printed.fmmePdf());
        String text = PdfReading.text(printed.fmmePdf());
        assertThat(PdfReading.pages(printed.fmmePdf())).isEqualTo(1);
        assertThat(text).contains("INSTITUTO NACIONAL DE MIGRACIÓN", "FORMA MIGRATORIA MÚLTIPLE ELECTRÓNICA",
                "FMME-2026-7KQ4X9ZD", "RODRÍGUEZ GÓMEZ", "MARÍA FERNANDA", "AX482915", "Femenino", "14/03/1990",
                "Pasaporte", "15/01/2026", "29/01/2026", "CUN", "AV AV36", "Bogotá, COL", "Turismo",
                "Hotel Riu Caribe", "Cancún, Quintana Roo", "Vigente hasta", "29/01/2026 23:59",
                "Ley de Migración", "https://preregistro.example.mx/#/fmme/verificar");
    }

    @Test
    @DisplayName("R-FMM-1 the QR receipt PDF prints the essentials checked at the airport on one page")
    void receiptText() throws Exception {
        keepForLooking("qr.pdf", printed.qrReceiptPdf());
        String text = PdfReading.text(printed.qrReceiptPdf());
        assertThat(PdfReading.pages(printed.qrReceiptPdf())).isEqualTo(1);
        assertThat(text).contains("INSTITUTO NACIONAL DE MIGRACIÓN", "FMME-2026-7KQ4X9ZD",
                "MARÍA FERNANDA RODRÍGUEZ GÓMEZ", "AX482915", "COL", "15/01/2026", "AV36", "CUN", "29/01/2026");
    }

    @Test
    @DisplayName("R-FMM-5 the QR of both PDFs decodes from the page rendered at 150 dpi and its seal verifies with the public key")
    void qrDecodesAndVerifies() throws Exception {
        SealVerifier verifier = new SealVerifier(Map.of("dev-5e0c9a1f", key.getPublic()));
        for (byte[] pdf : new byte[][] {printed.fmmePdf(), printed.qrReceiptPdf()}) {
            String decoded = PdfReading.qrAt150Dpi(pdf);
            assertThat(decoded).isEqualTo(seal);
            assertThat(verifier.verify(decoded)).get().satisfies(verified ->
                    assertThat(verified.content().folio()).isEqualTo("FMME-2026-7KQ4X9ZD"));
        }
    }

    @Test
    @DisplayName("R-FMM-5 the QR decodes at 150 dpi whatever the seal's bytes: 50 forms with different folios and signatures, read as a scanner does (several binarizers and distances)")
    void qrDecodesForManySeals() throws Exception {
        SealSigner signer = new SealSigner("dev-5e0c9a1f", key.getPrivate());
        FormPrinter printer = new FormPrinter(PROPERTIES);
        for (int i = 0; i < 50; i++) {
            String folio = String.format("FMME-2026-%08X", i * 7919);
            String anotherSeal = signer.seal(new SealContent(folio, "RODRÍGUEZ GÓMEZ DE LA FUENTE",
                    "MARÍA FERNANDA GUADALUPE", "AX482915", "COL", LocalDate.of(2026, 1, 15), "AV1234",
                    Instant.parse("2025-11-24T15:30:12Z").plusSeconds(i), Instant.parse("2026-01-30T05:59:59Z")));
            FormPrinter.PrintedForm form = printer.print(new FormContent(folio, approval,
                    Instant.parse("2025-11-24T15:30:12Z"), Instant.parse("2026-01-30T05:59:59Z"), anotherSeal));
            assertThat(PdfReading.qrAt150Dpi(form.fmmePdf())).as("FMME %d", i).isEqualTo(anotherSeal);
            assertThat(PdfReading.qrAt150Dpi(form.qrReceiptPdf())).as("receipt %d", i).isEqualTo(anotherSeal);
        }
    }

    @Test
    @DisplayName("R-FMM-5 a seal whose QR, with the preferred mask, a detector misreads only when the code starts on some rows of pixels (a data run taken for a finder) still scans from the QR receipt: another mask is printed")
    void qrDecodesWhateverTheRowOffset() throws Exception {
        // found by a probe of 1600 random seals: with the preferred mask this receipt's page did not scan at 150 dpi
        String unluckySeal = "FMME1:/506VCD.EYX6C56JB71B6/D2YY9OX8NF6TF66W5DA6CA62Y8$/69WOYWODH8%1BH64MGI9WO46"
                + "9M69R1BX1B41A CBXM8QSA/9B+%HLWO369HZA/IB2.1RB8LWOMA8Y*8AIANB8DS8/11 6BF%6946/.6-"
                + "M86T9%QUVB83R60:64ED40F4FDP99RFF*/GEVMG/5W.9AGJX8RZ8OT:MLWIJ4I+X5HCWF.PZSJ%98C$B"
                + ".1I7WMJRREPD7EMCVBL$KVJU LQZ*2REN4:473B5LGS$O";
        FormPrinter.PrintedForm form = new FormPrinter(PROPERTIES).print(new FormContent("FMME-2026-00000000",
                approval, Instant.parse("2025-11-24T15:30:12Z"), Instant.parse("2026-01-30T05:59:59Z"), unluckySeal));

        assertThat(PdfReading.qrAt150Dpi(form.qrReceiptPdf())).isEqualTo(unluckySeal);
        assertThat(PdfReading.qrAt150Dpi(form.fmmePdf())).isEqualTo(unluckySeal);
    }

    @Test
    @DisplayName("R-FMM-1 the longest values the approval's schema allows still print on one page each: long values end in an ellipsis, the legal text and the QR stay whole")
    void longestValuesFit() throws Exception {
        PreRegistrationApproved longest = new PreRegistrationApproved(approval.preregistrationId(),
                approval.accountId(), approval.documentId(), approval.variant(),
                new Traveller("W".repeat(100), "WÁ ".repeat(33) + "W", "P", "AX482915", "COL", "COL",
                        LocalDate.of(1990, 3, 14), Sex.M, "W".repeat(100)),
                new Trip(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 29), "CUN", "AV", "AV12345678", "COL",
                        "W".repeat(100), "W".repeat(40)),
                new Lodging("W".repeat(40), "W".repeat(200), "W ".repeat(100), "W".repeat(100), "W".repeat(100),
                        "77500", "+".repeat(20)),
                "W".repeat(30), null, approval.email(), approval.language());
        FormPrinter.PrintedForm form = new FormPrinter(PROPERTIES).print(new FormContent("FMME-2026-7KQ4X9ZD",
                longest, Instant.parse("2025-11-24T15:30:12Z"), Instant.parse("2026-01-30T05:59:59Z"), seal));

        for (byte[] pdf : new byte[][] {form.fmmePdf(), form.qrReceiptPdf()}) {
            assertThat(PdfReading.pages(pdf)).isEqualTo(1);
            assertThat(PdfReading.text(pdf)).contains("FMME-2026-7KQ4X9ZD", "…");
            assertThat(PdfReading.qrAt150Dpi(pdf)).isEqualTo(seal);
        }
        assertThat(PdfReading.text(form.fmmePdf())).contains("Folio SRE NUE", "Teléfono",
                "Verifique la autenticidad y vigencia en https://preregistro.example.mx/#/fmme/verificar");
    }

    @Test
    @DisplayName("R-FMM-1 both PDFs conform to PDF/A-2U by veraPDF, the reference validator, with every font embedded")
    void pdfA2u() throws Exception {
        for (byte[] pdf : new byte[][] {printed.fmmePdf(), printed.qrReceiptPdf()}) {
            assertThat(PdfReading.pdfA2uViolations(pdf)).isEmpty();
            assertThat(PdfReading.fontsNotEmbedded(pdf)).isEmpty();
        }
    }

    @Test
    @DisplayName("R-FMM-1 the PDF/A-2U check fails on a PDF that is not one (the standard Helvetica, not embedded, no output intent, no XMP)")
    void pdfA2uCheckCanFail() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            new PdfCanvas(pdf.addNewPage()).beginText()
                    .setFontAndSize(PdfFontFactory.createFont(StandardFonts.HELVETICA), 12).moveText(72, 720)
                    .showText("FMME-2026-7KQ4X9ZD").endText();
        }
        assertThat(PdfReading.pdfA2uViolations(out.toByteArray())).isNotEmpty();
        assertThat(PdfReading.fontsNotEmbedded(out.toByteArray())).containsExactly("Helvetica");
    }

    @Test
    @DisplayName("R-FMM-1 names in any Latin script print as written (the embedded fonts have the glyphs); a character the fonts lack prints as ? and the PDFs still conform to PDF/A-2U")
    void anyCharacterPrints() throws Exception {
        Traveller traveller = approval.traveller();
        // "Ł", "ő", "ș", "ğ" are outside Latin-1, which the standard Helvetica stops at; "Ж" and "中" outside the fonts;
        // the accent of "Jose\u0301" comes as its own combining character (NFD) and prints composed
        PreRegistrationApproved unusual = new PreRegistrationApproved(approval.preregistrationId(),
                approval.accountId(), approval.documentId(), approval.variant(),
                new Traveller("ŁUKASZÉWICZ ŐRSÉG", "Jose\u0301 Ștefan Ağca", traveller.documentType(),
                        traveller.documentNumber(), traveller.nationality(), traveller.issuingState(),
                        traveller.birthDate(), traveller.sex(), "Ingeniero Жук 中"),
                approval.trip(), approval.lodging(), approval.nue(), approval.sreFolio(), approval.email(),
                approval.language());
        FormPrinter.PrintedForm form = new FormPrinter(PROPERTIES).print(new FormContent("FMME-2026-7KQ4X9ZD",
                unusual, Instant.parse("2025-11-24T15:30:12Z"), Instant.parse("2026-01-30T05:59:59Z"), seal));

        assertThat(PdfReading.text(form.fmmePdf())).contains("ŁUKASZÉWICZ ŐRSÉG", "José Ștefan Ağca",
                "Ingeniero ??? ?");
        assertThat(PdfReading.text(form.qrReceiptPdf())).contains("José Ștefan Ağca ŁUKASZÉWICZ ŐRSÉG");
        for (byte[] pdf : new byte[][] {form.fmmePdf(), form.qrReceiptPdf()}) {
            assertThat(PdfReading.pdfA2uViolations(pdf)).isEmpty();
        }
    }

    @Test
    @DisplayName("R-FMM-1 forms printed on four threads at once, sharing the fonts parsed once, each come out whole with their own folio")
    void printsOnSeveralThreads() throws Exception {
        FormPrinter printer = new FormPrinter(PROPERTIES);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String folio = String.format("FMME-2026-%08X", i);
                texts.add(threads.submit(() -> PdfReading.text(printer.print(new FormContent(folio, approval,
                        Instant.parse("2025-11-24T15:30:12Z"), Instant.parse("2026-01-30T05:59:59Z"), seal))
                        .fmmePdf())));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(texts.get(i).get()).contains(String.format("FMME-2026-%08X", i), "RODRÍGUEZ GÓMEZ",
                        "Ley de Migración");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("R-FMM-1 each PDF is at most 150 KB")
    void small() {
        assertThat(printed.fmmePdf().length).isLessThanOrEqualTo(150 * 1024);
        assertThat(printed.qrReceiptPdf().length).isLessThanOrEqualTo(150 * 1024);
    }

    /** The PDFs under target/ so a person can open them. */
    private static void keepForLooking(String name, byte[] pdf) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "pdf-samples"));
        Files.write(folder.resolve(name), pdf);
    }
}

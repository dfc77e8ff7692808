package mx.gob.inm.preregistro.fmme.pdf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.fmme.Approvals;
import mx.gob.inm.preregistro.fmme.seal.EcKeys;
import mx.gob.inm.preregistro.fmme.seal.SealContent;
import mx.gob.inm.preregistro.fmme.seal.SealSigner;

/**
 * How many FMME + QR receipt pairs one thread produces per second, seal signature included (target: 150 on one
 * core), and how large the PDFs are. Prints figures; runs only with {@code -Dbenchmark=true}:
 * {@code mvn -pl fmme-service test -Dtest=FmmeBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FmmeBenchmark {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 2000;

    @Test
    @DisplayName("R-FMM-1 benchmark: FMME + QR receipt pairs per second on one thread, PDF sizes")
    void pairsPerSecond() {
        KeyPair key = EcKeys.generate();
        SealSigner signer = new SealSigner("dev-5e0c9a1f", key.getPrivate());
        FormPrinter printer = new FormPrinter(FormPrinterTest.PROPERTIES);
        PreRegistrationApproved approval = Approvals.approval(UUID.randomUUID().toString(),
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 29));
        for (int i = 0; i < WARM_UP; i++) {
            pair(signer, printer, approval, i);
        }
        long fmmeBytes = 0;
        long receiptBytes = 0;
        long maxFmme = 0;
        long maxReceipt = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            FormPrinter.PrintedForm printed = pair(signer, printer, approval, i);
            fmmeBytes += printed.fmmePdf().length;
            receiptBytes += printed.qrReceiptPdf().length;
            maxFmme = Math.max(maxFmme, printed.fmmePdf().length);
            maxReceipt = Math.max(maxReceipt, printed.qrReceiptPdf().length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("FMME benchmark: %d pairs in %.2f s on one thread = %.0f pairs/s (%.2f ms a pair)%n",
                MEASURED, seconds, MEASURED / seconds, seconds * 1000 / MEASURED);
        // the thread's own CPU time: what one core gives, whatever else the machine is doing meanwhile
        System.out.printf("FMME benchmark: %.2f s of the thread's CPU time = %.0f pairs per CPU second (%.2f ms a pair)%n",
                cpuSeconds, MEASURED / cpuSeconds, cpuSeconds * 1000 / MEASURED);
        System.out.printf("FMME benchmark: FMME PDF %d bytes average, %d max; QR receipt PDF %d bytes average, %d max%n",
                fmmeBytes / MEASURED, maxFmme, receiptBytes / MEASURED, maxReceipt);
        breakdown(signer, approval);
    }

    /** Where a pair's time goes: the seal's signature, the FMME, the QR receipt. */
    private static void breakdown(SealSigner signer, PreRegistrationApproved approval) {
        SealContent content = new SealContent("FMME-2026-0000ABCD", approval.traveller().surname(),
                approval.traveller().givenNames(), approval.traveller().documentNumber(), "COL",
                LocalDate.of(2026, 1, 15), "AV36", Instant.parse("2025-11-24T15:30:12Z"),
                Instant.parse("2026-01-30T05:59:59Z"));
        String seal = signer.seal(content);
        FormContent form = new FormContent("FMME-2026-0000ABCD", approval, content.issuedAt(), content.validUntil(),
                seal);
        long start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            signer.seal(content);
        }
        long signed = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            QrCode.of(seal, FmmePdf.QR_SIZE, QrReceiptPdf.QR_SIZE);
        }
        long encoded = System.nanoTime();
        QrCode qr = QrCode.of(seal, FmmePdf.QR_SIZE, QrReceiptPdf.QR_SIZE);
        for (int i = 0; i < 500; i++) {
            FmmePdf.render(form, qr, FormPrinterTest.PROPERTIES.zone(), "https://example.mx");
        }
        long fmme = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            QrReceiptPdf.render(form, qr, FormPrinterTest.PROPERTIES.zone(), "https://example.mx");
        }
        long receipt = System.nanoTime();
        System.out.printf("FMME benchmark: seal %.2f ms, QR encoding %.2f ms, FMME PDF %.2f ms, QR receipt PDF %.2f ms%n",
                (signed - start) / 5e8, (encoded - signed) / 5e8, (fmme - encoded) / 5e8, (receipt - fmme) / 5e8);
    }

    private static FormPrinter.PrintedForm pair(SealSigner signer, FormPrinter printer,
            PreRegistrationApproved approval, int i) {
        String folio = String.format("FMME-2026-%08X", i);
        Instant issuedAt = Instant.parse("2025-11-24T15:30:12Z").plusSeconds(i);
        Instant validUntil = Instant.parse("2026-01-30T05:59:59Z");
        String seal = signer.seal(new SealContent(folio, approval.traveller().surname(),
                approval.traveller().givenNames(), approval.traveller().documentNumber(),
                approval.traveller().nationality(), approval.trip().entryDate(), approval.trip().flightNumber(),
                issuedAt, validUntil));
        return printer.print(new FormContent(folio, approval, issuedAt, validUntil, seal));
    }
}

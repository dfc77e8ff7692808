package mx.gob.inm.preregistro.fmme.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.qrcode.detector.Detector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.fmme.seal.EcKeys;
import mx.gob.inm.preregistro.fmme.seal.SealContent;
import mx.gob.inm.preregistro.fmme.seal.SealSigner;

class QrCodeTest {

    private final KeyPair key = EcKeys.generate();

    @Test
    @DisplayName("R-FMM-5 on every code the forms print, short seals and long ones, ZXing's quick search finds what its harder one finds at every row offset: the check runs the harder one alone")
    void quickSearchFindsWhatTheHarderOneFinds() throws Exception {
        SealSigner signer = new SealSigner("dev-5e0c9a1f", key.getPrivate());
        int compared = 0;
        for (int i = 0; i < 60; i++) {
            boolean longest = i % 2 == 0;
            String seal = signer.seal(new SealContent(String.format("FMME-2026-%08X", i * 7919),
                    longest ? "RODRÍGUEZ GÓMEZ DE LA FUENTE ".repeat(3).strip() : "LI",
                    longest ? "MARÍA FERNANDA GUADALUPE ".repeat(3).strip() : "AN", "AX482915", "COL",
                    LocalDate.of(2026, 1, 15), longest ? "AV1234" : "AV1", Instant.parse("2025-11-24T15:30:12Z"),
                    Instant.parse("2026-01-30T05:59:59Z")));
            QrCode code = QrCode.of(seal, FmmePdf.QR_SIZE, QrReceiptPdf.QR_SIZE);
            for (float size : new float[] {FmmePdf.QR_SIZE, QrReceiptPdf.QR_SIZE}) {
                int pixels = QrCode.pixelsPerModule(size, code.modules().getWidth());
                for (int offset = 0; offset < 3; offset++) {
                    BitMatrix printed = QrCode.printed(code.modules(), pixels, offset);
                    assertThat(printed.getHeight()).isLessThan(QrCode.QUICK_SEARCH_DIFFERS_FROM);
                    assertThat(detected(printed, Map.of()))
                            .isEqualTo(detected(printed, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(360);
    }

    /** The finder and alignment points and the sampled modules, or what the detector threw. */
    private static String detected(BitMatrix printed, Map<DecodeHintType, ?> hints) {
        try {
            DetectorResult result = new Detector(printed).detect(hints);
            return Arrays.toString(result.getPoints()) + "\n" + result.getBits();
        } catch (NotFoundException | FormatException e) {
            return e.getClass().getSimpleName();
        }
    }
}

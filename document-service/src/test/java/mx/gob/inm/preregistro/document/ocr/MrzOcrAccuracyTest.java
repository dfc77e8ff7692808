package mx.gob.inm.preregistro.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OCR on passports it has never seen, photographed badly (rotation, perspective, blur, noise, uneven light, JPEG
 * 40..90, small sizes), generated at test time with their truth.
 */
class MrzOcrAccuracyTest {

    private static MrzOcr ocr;

    @BeforeAll
    static void start() throws Exception {
        ocr = new MrzOcr(OcrSettings.detect("", "", 1, false));
    }

    @AfterAll
    static void stop() {
        ocr.close();
    }

    @Test
    @DisplayName("R-DOC-4 clean scans of generated passports: every check-digit field exact, names mostly (U/O confusions remain)")
    void cleanScans() throws Exception {
        Path dir = Path.of("target", "ocr-accuracy", "clean");
        new PassportGenerator(OcrSettings.detect("", "", 1, false).font(), 5).writeSet(dir, 10, false);

        OcrEval.Summary summary = OcrEval.evaluate(ocr, dir, false);

        assertThat(summary.wrongCheckedFields).as(summary.line()).isZero();
        assertThat(summary.fieldsExact()).as(summary.line()).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    @DisplayName("R-DOC-4 distorted photos: at least 75% of documents exact and 95% of fields (target 98%, not reached yet)")
    void distortedPhotos() throws Exception {
        Path dir = Path.of("target", "ocr-accuracy", "distorted");
        new PassportGenerator(OcrSettings.detect("", "", 1, false).font(), 2026).writeSet(dir, 40, true);

        OcrEval.Summary summary = OcrEval.evaluate(ocr, dir, true);
        System.out.println(summary.line());

        // O/0, U/0, S/8 weigh the same modulo 10, so a check digit cannot always catch them: such wrong values are
        // counted (summary.wrongCheckedFields) and printed; the target of zero is not reached yet
        assertThat(summary.documentsExact()).as(summary.line()).isGreaterThanOrEqualTo(75.0);
        assertThat(summary.fieldsExact()).as(summary.line()).isGreaterThanOrEqualTo(95.0);
    }
}

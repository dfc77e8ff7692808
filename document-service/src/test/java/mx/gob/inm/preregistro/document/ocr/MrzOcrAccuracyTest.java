package mx.gob.inm.preregistro.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OCR on passports it has never seen, photographed badly (rotation, perspective, blur, noise, uneven light, JPEG
 * 40..90, small sizes), generated at test time with their truth. What must never happen is a WRONG field (returned
 * with another value than printed): a field the OCR cannot trust has to come back unreadable. The big measurement
 * (hundreds of photos, timing) is {@code ocr-eval} and {@link MrzOcrBenchmark}; these sets are small to stay fast.
 */
class MrzOcrAccuracyTest {

    private static MrzOcr ocr;

    @BeforeAll
    static void start() throws Exception {
        ocr = new MrzOcr(OcrSettings.detect("", "", 1));
    }

    @AfterAll
    static void stop() {
        ocr.close();
    }

    @Test
    @DisplayName("R-DOC-4 clean scans of generated passports: no wrong field, at least 9 documents in 10 exact")
    void cleanScans() throws Exception {
        Path dir = Path.of("target", "ocr-accuracy", "clean");
        new PassportGenerator(OcrSettings.detect("", "", 1).font(), 5).writeSet(dir, 10, false);

        OcrEval.Summary summary = OcrEval.evaluate(ocr, dir, false);

        assertThat(summary.wrongFields).as(summary.line()).isZero();
        assertThat(summary.documentsExact()).as(summary.line()).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    @DisplayName("R-DOC-4 distorted photos: no wrong field (doubtful ones unreadable), at least 95% of documents exact (target 98%)")
    void distortedPhotos() throws Exception {
        Path dir = Path.of("target", "ocr-accuracy", "distorted");
        new PassportGenerator(OcrSettings.detect("", "", 1).font(), 2026).writeSet(dir, 40, true);

        OcrEval.Summary summary = OcrEval.evaluate(ocr, dir, true);
        System.out.println(summary.errorsLine());
        System.out.println(summary.line());

        assertThat(summary.wrongFields).as(summary.errorsLine()).isZero();
        assertThat(summary.documentsExact()).as(summary.line()).isGreaterThanOrEqualTo(95.0);
        assertThat(summary.fieldsExact()).as(summary.line()).isGreaterThanOrEqualTo(99.5);
    }

    @Test
    @DisplayName("R-DOC-4 a passport photographed upside down is read the right way up")
    void upsideDown() throws Exception {
        Path dir = Path.of("target", "ocr-accuracy", "upside-down");
        new PassportGenerator(OcrSettings.detect("", "", 1).font(), 77).writeSet(dir, 6, true);
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> !p.toString().endsWith(".json")).toList();
        }
        for (Path image : images) {
            BufferedImage photo = ImageIO.read(image.toFile());
            int w = photo.getWidth();
            int h = photo.getHeight();
            BufferedImage turned = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    turned.setRGB(w - 1 - x, h - 1 - y, photo.getRGB(x, y));
                }
            }
            ImageIO.write(turned, "png", image.toFile());
        }

        OcrEval.Summary summary = OcrEval.evaluate(ocr, dir, true);

        assertThat(summary.noZone).as(summary.errorsLine()).isZero();
        assertThat(summary.wrongFields).as(summary.errorsLine()).isZero();
        assertThat(summary.exactDocuments).as(summary.line()).isGreaterThanOrEqualTo(5);
    }
}

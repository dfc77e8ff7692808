package mx.gob.inm.preregistro.document.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the OCR finds its resources (Tesseract's {@code tessdata}, the OCR-B font), and how many Tesseract handles it
 * keeps (requests read at once).
 */
public record OcrSettings(Path tessdata, Path font, int poolSize) {

    private static final List<String> TESSDATA_CANDIDATES = List.of("/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata",
            "/usr/share/tesseract/tessdata");
    private static final List<String> FONT_CANDIDATES = List.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf",
            "/usr/share/fonts/truetype/ocr-b/OCRB.ttf", "/usr/local/share/fonts/OCRB.otf");

    /** Settings with the given paths, or the first that exists among the usual places when a path is blank. */
    public static OcrSettings detect(String tessdata, String font, int poolSize) {
        return new OcrSettings(resolve(tessdata, tessdataCandidates(), "eng.traineddata"),
                resolve(font, FONT_CANDIDATES, null), poolSize);
    }

    private static List<String> tessdataCandidates() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        if (prefix == null || prefix.isBlank()) {
            return TESSDATA_CANDIDATES;
        }
        return Stream.concat(Stream.of(prefix, prefix + "/tessdata"), TESSDATA_CANDIDATES.stream()).toList();
    }

    private static Path resolve(String configured, List<String> candidates, String inside) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (inside == null ? Files.isRegularFile(path) : Files.isRegularFile(path.resolve(inside))) {
                return path;
            }
        }
        throw new IllegalStateException("none of " + candidates + " exists; install the OS packages "
                + "(tesseract-ocr-eng, fonts-ocr-b) or configure preregistro.ocr.*");
    }
}

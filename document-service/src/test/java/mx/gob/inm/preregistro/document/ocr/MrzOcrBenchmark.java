package mx.gob.inm.preregistro.document.ocr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints, side by side on one generated set of distorted photos, this pipeline and the plain {@code tesseract IMAGE
 * stdout} on the whole image: how many zone lines and documents each gets exactly right, and the time per image.
 * Run with {@code -Dbenchmark=true} (and {@code -Dbenchmark.count=N}); it asserts nothing.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MrzOcrBenchmark {

    @Test
    @DisplayName("R-DOC-4 benchmark: MRZ pipeline against plain tesseract on whole photos")
    void compare() throws Exception {
        int count = Integer.getInteger("benchmark.count", 50);
        Path dir = Path.of("target", "ocr-benchmark");
        new PassportGenerator(OcrSettings.detect("", "", 1).font(), 777).writeSet(dir, count, true);

        OcrEval.Summary ours;
        try (MrzOcr ocr = new MrzOcr(OcrSettings.detect("", "", 1))) {
            OcrEval.evaluate(ocr, dir, false);
            ours = OcrEval.evaluate(ocr, dir, false);
        }

        JsonMapper json = JsonMapper.builder().build();
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> !p.toString().endsWith(".json")).sorted().toList();
        }
        int lines = 0;
        int linesExact = 0;
        int documentsExact = 0;
        List<Long> times = new ArrayList<>();
        for (Path image : images) {
            @SuppressWarnings("unchecked")
            Map<String, Object> truth = json.readValue(
                    image.resolveSibling(image.getFileName().toString().replaceFirst("\\.[^.]+$", ".json")).toFile(),
                    Map.class);
            long start = System.nanoTime();
            Process process = new ProcessBuilder("tesseract", image.toString(), "stdout")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            times.add((System.nanoTime() - start) / 1_000_000);
            List<String> read = text.lines().map(l -> l.replaceAll("\\s", "")).toList();
            int exact = 0;
            for (String key : new String[] {"line1", "line2"}) {
                lines++;
                if (read.contains(String.valueOf(truth.get(key)))) {
                    exact++;
                }
            }
            linesExact += exact;
            if (exact == 2) {
                documentsExact++;
            }
        }
        Collections.sort(times);
        System.out.println("MRZ OCR benchmark, " + images.size() + " distorted photos, one core:");
        System.out.println("  pipeline : " + ours.line());
        System.out.printf(Locale.ROOT, "  tesseract: %d images, %.1f%% documents exact (both lines), "
                        + "%.1f%% lines exact, median %d ms, p95 %d ms%n", images.size(),
                100.0 * documentsExact / images.size(), 100.0 * linesExact / lines, times.get(times.size() / 2),
                times.get(Math.min(times.size() - 1, (int) Math.ceil(0.95 * times.size()) - 1)));
    }
}

package mx.gob.inm.preregistro.document.ocr;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.document.mrz.MrzReading;
import mx.gob.inm.preregistro.document.scan.ImageIntake;

/**
 * {@code ./preregistro ocr-eval DIR}: runs the scan pipeline (intake, then MRZ OCR) over every {@code NAME.png|jpg|jpeg}
 * in DIR that has a truth file {@code NAME.json}, prints one line per image and a summary line. A document is exact
 * when every field equals the truth. A field that is not exact is either unreadable (missing from the reading: the
 * traveller types it) or WRONG (returned with another value: the failure that must not happen); the line before the
 * summary counts them apart, with the processor time per image beside the wall-clock figures of the summary.
 */
public final class OcrEval {

    static final List<String> FIELDS = MrzReading.FIELD_NAMES;
    static final List<String> CHECKED_FIELDS = List.of("documentNumber", "birthDate", "expiryDate", "personalNumber");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private OcrEval() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ocr-eval DIR   (DIR holds NAME.png|jpg|jpeg with NAME.json)");
            System.exit(2);
        }
        OcrSettings settings = OcrSettings.detect(System.getProperty("ocr.tessdata", ""),
                System.getProperty("ocr.font", ""), 1);
        try (MrzOcr ocr = new MrzOcr(settings)) {
            Summary summary = evaluate(ocr, Path.of(args[0]), true);
            System.out.println(summary.errorsLine());
            System.out.println(summary.line());
        }
    }

    /** Reads every image of {@code dir} with its truth; prints a line per image when {@code verbose}. */
    static Summary evaluate(MrzOcr ocr, Path dir, boolean verbose) throws IOException {
        ImageIntake intake = new ImageIntake(Long.MAX_VALUE, 40_000_000L);
        JsonMapper json = JsonMapper.builder().build();
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpg|jpeg)")).sorted().toList();
        }
        Summary summary = new Summary();
        for (Path image : images) {
            String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Path truthFile = image.resolveSibling(name + ".json");
            if (!Files.exists(truthFile)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> truth = json.readValue(truthFile.toFile(), Map.class);
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            Optional<MrzReading> reading;
            try {
                reading = ocr.read(intake.accept(Files.readAllBytes(image)).image());
            } catch (RuntimeException e) {
                reading = Optional.empty();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            summary.cpuTimes.add((CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
            String line = summary.add(name, truth, reading, millis);
            if (verbose) {
                System.out.println(line);
            }
        }
        return summary;
    }

    /** Counts of exact documents, fields and lines, and the times. */
    static final class Summary {
        int images;
        int exactDocuments;
        int exactFields;
        int fields;
        int exactLines;
        int lines;
        int wrongFields;
        int wrongCheckedFields;
        int unreadableFields;
        int noZone;
        final List<Long> times = new ArrayList<>();
        final List<Long> cpuTimes = new ArrayList<>();

        String add(String name, Map<String, Object> truth, Optional<MrzReading> reading, long millis) {
            images++;
            times.add(millis);
            int exact = 0;
            List<String> wrong = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String field : FIELDS) {
                String expected = normalise(truth.get(field));
                String read = reading.map(r -> r.fields().get(field)).orElse(null);
                fields++;
                if (expected.equals(normalise(read)) && read != null) {
                    exact++;
                } else if (read == null) {
                    missing.add(field);
                    unreadableFields++;
                } else {
                    wrong.add(field + "=" + read + " (truth " + expected + ")");
                    wrongFields++;
                    if (CHECKED_FIELDS.contains(field)) {
                        wrongCheckedFields++;
                    }
                }
            }
            exactFields += exact;
            int lineCount = 0;
            int lineExact = 0;
            for (int i = 1; truth.containsKey("line" + i); i++) {
                lineCount++;
                String expected = String.valueOf(truth.get("line" + i));
                int index = i - 1;
                boolean same = reading.map(r -> index < r.lines().size() && r.lines().get(index).equals(expected))
                        .orElse(false);
                if (same) {
                    lineExact++;
                }
            }
            lines += lineCount;
            exactLines += lineExact;
            boolean documentExact = exact == FIELDS.size();
            if (documentExact) {
                exactDocuments++;
            }
            if (reading.isEmpty()) {
                noZone++;
            }
            return String.format(Locale.ROOT, "%s: %s fields %d/%d lines %d/%d %d ms%s%s", name,
                    reading.isEmpty() ? "NO-MRZ" : documentExact ? "OK" : "FAIL", exact, FIELDS.size(), lineExact,
                    lineCount, millis, missing.isEmpty() ? "" : " unreadable=" + missing,
                    wrong.isEmpty() ? "" : " WRONG " + wrong);
        }

        private static String normalise(Object value) {
            return value == null ? "" : String.valueOf(value).trim().replaceAll("\\s+", " ");
        }

        double documentsExact() {
            return percent(exactDocuments, images);
        }

        double fieldsExact() {
            return percent(exactFields, fields);
        }

        long percentile(double p) {
            return percentile(times, p);
        }

        private static long percentile(List<Long> values, double p) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        /** Fields returned with a wrong value, fields unreadable, images without a zone, processor time. */
        String errorsLine() {
            return String.format(Locale.ROOT, "ocr-eval: %d wrong fields (%d with a check digit), %d unreadable "
                            + "fields, %d images without a zone, cpu median %d ms, p95 %d ms", wrongFields,
                    wrongCheckedFields, unreadableFields, noZone, percentile(cpuTimes, 0.5),
                    percentile(cpuTimes, 0.95));
        }

        String line() {
            return String.format(Locale.ROOT,
                    "ocr-eval: %d images, %.1f%% documents exact, %.1f%% fields exact, %.1f%% lines exact, "
                            + "median %d ms, p95 %d ms", images, documentsExact(), percent(exactFields, fields),
                    percent(exactLines, lines), percentile(0.5), percentile(0.95));
        }

        private static double percent(int part, int whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }
}

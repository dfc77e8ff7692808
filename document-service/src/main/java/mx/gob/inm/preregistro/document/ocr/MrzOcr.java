package mx.gob.inm.preregistro.document.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mx.gob.inm.preregistro.document.mrz.MrzFormat;
import mx.gob.inm.preregistro.document.mrz.MrzParser;
import mx.gob.inm.preregistro.document.mrz.MrzReading;
import mx.gob.inm.preregistro.document.mrz.MrzText;

/**
 * Reads the machine-readable zone of a photographed document: locates the zone, straightens each line, recognises
 * each character cell by its OCR-B shape and with Tesseract (restricted to the MRZ alphabet), then lets the ICAO 9303
 * parser choose between the readings with the check digits. The one pipeline behind the scan endpoint and
 * {@code ocr-eval}.
 */
public final class MrzOcr implements AutoCloseable {

    private static final float SURE_SCORE = 0.55f;
    private static final float SURE_MARGIN = 0.02f;

    private final MrzLocator locator = new MrzLocator();
    private final GlyphTemplates templates;
    private final TesseractEngine tesseract;
    private final boolean tesseractAlways;

    public MrzOcr(OcrSettings settings) throws IOException {
        this.templates = new GlyphTemplates(settings.font());
        this.tesseract = new TesseractEngine(settings.tessdata(), settings.poolSize());
        this.tesseractAlways = settings.tesseractAlways();
    }

    /** The zone as read, or empty when no zone was found on the image. */
    public Optional<MrzReading> read(BufferedImage image) {
        GrayImage gray = GrayImage.of(image);
        List<TextLine> lines = locator.locate(gray);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        MrzFormat format = lines.size() == 3 ? MrzFormat.TD1 : MrzFormat.TD3;
        List<LineImage> strips = new ArrayList<>();
        List<Ranking[]> rankings = new ArrayList<>();
        boolean unsure = false;
        for (TextLine line : lines) {
            LineImage strip = LineImage.rectify(gray, line);
            double[] edges = strip.cells(format.lineLength());
            Ranking[] cells = new Ranking[format.lineLength()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = templates.classify(strip, edges[i], edges[i + 1]);
                unsure |= cells[i].score() < SURE_SCORE || cells[i].margin() < SURE_MARGIN;
            }
            strips.add(strip);
            rankings.add(cells);
        }
        MrzReading byShape = MrzParser.parse(combine(rankings, null));
        if (!tesseractAlways && byShape.complete() && !unsure) {
            return Optional.of(byShape);
        }
        List<String> tesseractLines = new ArrayList<>();
        for (LineImage strip : strips) {
            tesseractLines.add(tesseract.readLine(strip.forTesseract()));
        }
        MrzReading combined = MrzParser.parse(combine(rankings, tesseractLines));
        return Optional.of(combined.unreadable().size() <= byShape.unreadable().size() ? combined : byShape);
    }

    /** One reading per cell (and the other plausible ones), merging the shape ranking with Tesseract's text. */
    private static MrzText combine(List<Ranking[]> rankings, List<String> tesseractLines) {
        List<String> lines = new ArrayList<>();
        List<List<String>> alternatives = new ArrayList<>();
        for (int l = 0; l < rankings.size(); l++) {
            Ranking[] cells = rankings.get(l);
            StringBuilder shapeText = new StringBuilder();
            for (Ranking cell : cells) {
                shapeText.append(cell.best());
            }
            char[] aligned = tesseractLines == null ? new char[cells.length]
                    : Alignment.align(shapeText.toString(), tesseractLines.get(l));
            StringBuilder line = new StringBuilder();
            List<String> lineAlternatives = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                char chosen = choose(cells[i], aligned[i]);
                line.append(chosen);
                StringBuilder others = new StringBuilder();
                if (aligned[i] != 0 && aligned[i] != chosen) {
                    others.append(aligned[i]);
                }
                for (int k = 0; k < 3; k++) {
                    char c = cells[i].characters().charAt(k);
                    if (c != chosen && others.indexOf(String.valueOf(c)) < 0) {
                        others.append(c);
                    }
                }
                lineAlternatives.add(others.toString());
            }
            lines.add(line.toString());
            alternatives.add(lineAlternatives);
        }
        return new MrzText(lines, alternatives);
    }

    private static char choose(Ranking shape, char tesseract) {
        char best = shape.best();
        if (tesseract == 0 || tesseract == best) {
            return best;
        }
        if (best == '<' && shape.score() >= 0.7f) {
            return best;
        }
        if (tesseract == '<') {
            return shape.ranks('<', 2) ? '<' : best;
        }
        return shape.margin() < 0.05f && shape.ranks(tesseract, 3) ? tesseract : best;
    }

    @Override
    public void close() {
        tesseract.close();
    }
}

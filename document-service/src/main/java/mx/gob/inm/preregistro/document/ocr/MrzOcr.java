package mx.gob.inm.preregistro.document.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import mx.gob.inm.preregistro.document.mrz.MrzFormat;
import mx.gob.inm.preregistro.document.mrz.MrzParser;
import mx.gob.inm.preregistro.document.mrz.MrzReading;
import mx.gob.inm.preregistro.document.mrz.MrzText;

/**
 * Reads the machine-readable zone of a photographed document: locates the zone (turning the photo half round when
 * little or nothing is found, for a page held upside down), straightens each line, and recognises every character
 * twice, independently: by its OCR-B shape and with Tesseract (restricted to the MRZ alphabet). Each character's
 * candidate readings go to the ICAO 9303 parser with what the evidence makes them cost, and the parser keeps a field
 * only when one valid reading clearly wins: a field resting on a doubtful character is reported unreadable rather
 * than wrong. The one pipeline behind the scan endpoint and {@code ocr-eval}.
 */
public final class MrzOcr implements AutoCloseable {

    /** A difference of glyph likeness worth one unit of cost. */
    private static final float SHAPE_STEP = 0.04f;
    /** The cost of a reading Tesseract disagrees with. */
    private static final float TESSERACT_COST = 2f;
    /** The round characters Tesseract mixes up with each other. */
    private static final String ROUND = "O0Q";
    /** O and 0 this close in likeness count as equally alike. */
    private static final float ROUND_BLUR = 0.02f;
    /** How many of the shape's best glyphs are candidates. */
    private static final int CANDIDATES = 4;
    /** A reading of Tesseract's this much less alike the cell than the shape's best is taken as Tesseract's error. */
    private static final float REJECT_GAP = 0.15f;
    /** A cell whose longest upright stroke is shorter than this share of the text height has no stem. */
    private static final double NO_STEM = 0.7;
    /** Letters with a stem that the filler {@code <} is taken for. */
    private static final String STEMMED_LOOKALIKES = "KEL";
    /** More cells than this where Tesseract read something unlike the glyph make a cut suspect. */
    private static final int OUT_OF_STEP = 5;
    /** How many other cuts of a suspect line are tried. */
    private static final int OTHER_CUTS = 4;
    /** With this many fields unreadable, the photo is read upside down as well. */
    private static final int HALF_UNREADABLE = 5;
    /** Characters Tesseract reads where the filler {@code <} is printed. */
    private static final String FILLER_LOOKALIKES = "KCELSX6<";
    /** The cost of a reading (a capital against its digit, or back) the cell's height speaks against. */
    private static final float HEIGHT_COST = 2f;
    /** The cells of a passport's (TD3) second line outside its check digits' reach: nationality and sex. */
    private static final int[] TD3_UNCHECKED_CELLS = {10, 11, 12, 20};
    /** Groups of characters the shape comparison mixes up and Tesseract tells apart better. */
    private static final String[] TESSERACT_DECIDES = {"O0UDQ", "S5", "B8", "I1T", "Z27", "G6"};

    private final MrzLocator locator = new MrzLocator();
    private final GlyphTemplates templates;
    private final TesseractEngine tesseract;

    public MrzOcr(OcrSettings settings) throws IOException {
        this.templates = new GlyphTemplates(settings.font());
        this.tesseract = new TesseractEngine(settings.tessdata(), settings.poolSize());
    }

    /** The zone as read, or empty when no zone was found on the image (either way up). */
    public Optional<MrzReading> read(BufferedImage image) {
        GrayImage gray = GrayImage.of(image);
        Optional<MrzReading> upright = read(gray);
        if (upright.isPresent() && upright.get().unreadable().size() < HALF_UNREADABLE) {
            return upright;
        }
        // nothing, or little, read: the page may be upside down
        Optional<MrzReading> turned = read(gray.turned());
        if (turned.isEmpty()) {
            return upright;
        }
        if (upright.isEmpty() || turned.get().unreadable().size() < upright.get().unreadable().size()) {
            return turned;
        }
        return upright;
    }

    private Optional<MrzReading> read(GrayImage gray) {
        List<TextLine> lines = locator.locate(gray);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        MrzFormat format = lines.size() == 3 ? MrzFormat.TD1 : MrzFormat.TD3;
        List<Ranking[]> rankings = new ArrayList<>();
        List<String> tesseractLines = new ArrayList<>();
        List<String[]> heights = new ArrayList<>();
        List<boolean[]> shapeOnly = new ArrayList<>();
        for (TextLine line : lines) {
            LineImage strip = LineImage.rectify(gray, line);
            TesseractEngine.Reading reading = tesseract.readLine(strip.forTesseract());
            String read = reading.text();
            List<double[]> cuts = strip.cuts(format.lineLength(), OTHER_CUTS + 1);
            int blur = templates.blurLevel(strip, cuts.get(0));
            double[] edges = cuts.get(0);
            Ranking[] cells = classify(strip, edges, blur);
            int disagreements = Alignment.disagreements(text(cells), read);
            String firstText = round(text(cells));
            boolean sameUnderOtherCuts = false;
            // a line cut one cell out of step reads as nonsense against Tesseract: try the next best cuts
            for (int c = 1; c < cuts.size() && disagreements > OUT_OF_STEP; c++) {
                Ranking[] other = classify(strip, cuts.get(c), blur);
                sameUnderOtherCuts |= round(text(other)).equals(firstText);
                int otherDisagreements = Alignment.disagreements(text(other), read);
                if (otherDisagreements < disagreements) {
                    edges = cuts.get(c);
                    cells = other;
                    disagreements = otherDisagreements;
                }
            }
            double[] onTesseract = disagreements > OUT_OF_STEP
                    ? CellsFromBoxes.through(strip, reading.centres(), format.lineLength()) : null;
            if (onTesseract != null) {
                // still out of step, and Tesseract found one character per cell: cut where it found them
                Ranking[] other = classify(strip, onTesseract, blur);
                int otherDisagreements = Alignment.disagreements(text(other), read);
                if (otherDisagreements < disagreements) {
                    edges = onTesseract;
                    cells = other;
                    disagreements = otherDisagreements;
                }
            }
            boolean[] ignored = new boolean[cells.length];
            if (disagreements > OUT_OF_STEP && sameUnderOtherCuts && format == MrzFormat.TD3
                    && rankings.size() == 1) {
                // the shapes read the same however the line is cut, Tesseract reads nonsense (a blurred line): its
                // word is left out where check digits guard the reading, kept for nationality and sex
                Arrays.fill(ignored, true);
                for (int cell : TD3_UNCHECKED_CELLS) {
                    ignored[cell] = false;
                }
            }
            shapeOnly.add(ignored);
            rankings.add(cells);
            tesseractLines.add(read);
            heights.add(DigitHeight.ruledOut(strip, edges, cells, templates, blur));
        }
        return Optional.of(MrzParser.parse(combine(rankings, tesseractLines, heights, shapeOnly)));
    }

    private Ranking[] classify(LineImage strip, double[] edges, int blur) {
        Ranking[] cells = new Ranking[edges.length - 1];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = templates.classify(strip, edges[i], edges[i + 1], blur);
            if (strip.stem(edges[i], edges[i + 1]) < NO_STEM) {
                // no upright stroke: not one of the letters the filler is mistaken for
                cells[i] = cells[i].without(STEMMED_LOOKALIKES);
            }
        }
        return cells;
    }

    /** The text with O and 0 made one, as the shape comparison barely tells them apart. */
    private static String round(String text) {
        return text.replace('O', '0');
    }

    private static String text(Ranking[] cells) {
        StringBuilder text = new StringBuilder();
        for (Ranking cell : cells) {
            text.append(cell.best());
        }
        return text.toString();
    }

    /**
     * One reading per cell, merging the shape ranking with Tesseract's text (the zone as first read), and every
     * candidate reading of each cell with its cost: how much less alike than the best glyph
     * it is (in steps of {@link #SHAPE_STEP}) plus {@link #TESSERACT_COST} when Tesseract read something else there.
     */
    private static MrzText combine(List<Ranking[]> rankings, List<String> tesseractLines, List<String[]> heights,
                                   List<boolean[]> shapeOnly) {
        List<String> lines = new ArrayList<>();
        List<List<MrzText.CellReadings>> readings = new ArrayList<>();
        for (int l = 0; l < rankings.size(); l++) {
            Ranking[] cells = rankings.get(l);
            StringBuilder shapeText = new StringBuilder();
            for (Ranking cell : cells) {
                shapeText.append(cell.best());
            }
            char[] aligned = Alignment.align(shapeText.toString(), tesseractLines.get(l));
            for (int i = 0; i < aligned.length; i++) {
                aligned[i] = shapeOnly.get(l)[i] ? 0 : aligned[i];
            }
            StringBuilder line = new StringBuilder();
            List<MrzText.CellReadings> lineReadings = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                line.append(choose(cells[i], aligned[i]));
                lineReadings.add(weigh(cells[i], aligned[i], heights.get(l)[i]));
            }
            lines.add(line.toString());
            readings.add(lineReadings);
        }
        return new MrzText(lines, List.of(), readings);
    }

    /**
     * The shape's best few and Tesseract's reading of a cell, each with its cost; {@code tooShortOrTall} are the
     * readings the cell's height speaks against.
     */
    private static MrzText.CellReadings weigh(Ranking shape, char tesseract, String tooShortOrTall) {
        StringBuilder candidates = new StringBuilder();
        for (int k = 0; k < CANDIDATES; k++) {
            candidates.append(shape.characters().charAt(k));
        }
        if (tesseract != 0 && shape.scoreOf(tesseract) >= 0 && candidates.indexOf(String.valueOf(tesseract)) < 0) {
            candidates.append(tesseract);
        }
        // O and 0 go together, each weighed in its own right (a letter field does not take the 0's cost for O)
        if (candidates.indexOf("0") >= 0 && candidates.indexOf("O") < 0) {
            candidates.append('O');
        } else if (candidates.indexOf("O") >= 0 && candidates.indexOf("0") < 0) {
            candidates.append('0');
        }
        // O and 0 differ in details a blurred photo loses: the glyph comparison barely tells them apart, and only
        // check digits may
        float round = Math.max(shape.scoreOf('O'), shape.scoreOf('0'));
        float[] costs = new float[candidates.length()];
        for (int k = 0; k < costs.length; k++) {
            char c = candidates.charAt(k);
            float likeness = c == 'O' || c == '0' ? Math.max(shape.scoreOf(c), round - ROUND_BLUR) : shape.scoreOf(c);
            costs[k] = (shape.score() - likeness) / SHAPE_STEP + disagreement(c, tesseract);
            if (tooShortOrTall.indexOf(c) >= 0) {
                costs[k] += HEIGHT_COST;
            }
        }
        return new MrzText.CellReadings(candidates.toString(), costs);
    }

    /**
     * What it costs a reading that Tesseract read {@code tesseract} there. Tesseract's word weighs by the pair: it
     * tells U from O and 0 far better than the glyph comparison, but says O for 0 (and back) about as often as not,
     * and K or E for the filler.
     */
    private static float disagreement(char reading, char tesseract) {
        if (tesseract == 0 || tesseract == reading) {
            return 0;
        }
        if (reading == '<' && FILLER_LOOKALIKES.indexOf(tesseract) >= 0) {
            return 0;
        }
        if (ROUND.indexOf(reading) >= 0 && ROUND.indexOf(tesseract) >= 0) {
            return TESSERACT_COST / 4;
        }
        if (reading == 'U' || tesseract == 'U') {
            return TESSERACT_COST * 2;
        }
        return TESSERACT_COST;
    }

    private static char choose(Ranking shape, char tesseract) {
        char best = shape.best();
        if (tesseract == 0 || tesseract == best) {
            return best;
        }
        if (best == '<') {
            return best;
        }
        if (tesseract == '<') {
            return shape.ranks('<', 2) ? '<' : best;
        }
        if (sameGroup(best, tesseract) && !rejects(shape, tesseract)) {
            return tesseract;
        }
        return shape.margin() < 0.05f && shape.ranks(tesseract, 3) ? tesseract : best;
    }

    /** Whether the shape comparison finds {@code c} so much less alike than its best that Tesseract misread. */
    private static boolean rejects(Ranking shape, char c) {
        return shape.scoreOf(c) < shape.score() - REJECT_GAP;
    }

    private static boolean sameGroup(char a, char b) {
        for (String group : TESSERACT_DECIDES) {
            if (group.indexOf(a) >= 0 && group.indexOf(b) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        tesseract.close();
    }
}

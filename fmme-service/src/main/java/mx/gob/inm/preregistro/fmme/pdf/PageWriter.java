package mx.gob.inm.preregistro.fmme.pdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

/**
 * Text and boxes at fixed positions on one page, straight into the page's content stream. Both forms have a fixed
 * design, so they need no layout engine: measuring words with the font's widths and wrapping them greedily is all
 * the layout there is, and printing a form costs a fraction of what a layout engine's tables and paragraphs cost
 * (R-FMM-1: 150 forms a second on one thread). Coordinates are PDF points from the lower-left corner; {@code y} of
 * a text is its baseline.
 */
final class PageWriter {

    private static final String ELLIPSIS = "…";
    private static final char MISSING = '?';

    private final PdfCanvas canvas;

    PageWriter(PdfCanvas canvas) {
        this.canvas = canvas;
    }

    /**
     * A piece of text in one font, size and colour; pieces of a line follow one another. The text is made
     * {@linkplain #printable printable} in the font.
     */
    record Run(PdfFont font, float size, Color color, String text) {

        Run {
            text = printable(text, font);
        }

        float width() {
            return font.getWidth(text, size);
        }
    }

    void text(float x, float y, Run run) {
        canvas.setFillColor(run.color()).beginText().setFontAndSize(run.font(), run.size()).moveText(x, y)
                .showText(run.text()).endText();
    }

    /** The runs one after the other from (x, y); returns the width they took. */
    float line(float x, float y, Run... runs) {
        float at = x;
        for (Run run : runs) {
            text(at, y, run);
            at += run.width();
        }
        return at - x;
    }

    /** The runs as one line centred on {@code centre}, made smaller if they are wider than {@code maxWidth}. */
    void centred(float centre, float y, float maxWidth, Run... runs) {
        float width = 0;
        for (Run run : runs) {
            width += run.width();
        }
        float scale = width > maxWidth ? maxWidth / width : 1;
        float at = centre - width * scale / 2;
        for (Run run : runs) {
            Run scaled = new Run(run.font(), run.size() * scale, run.color(), run.text());
            text(at, y, scaled);
            at += scaled.width();
        }
    }

    /**
     * The lines of {@code text} at most {@code width} wide, breaking between words (inside a word only when it is
     * wider than a line). At most {@code maxLines}: the last one then ends with an ellipsis.
     */
    static List<String> wrap(String text, PdfFont font, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text, font).trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getWidth(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (font.getWidth(rest, size) > width) {
                int fits = fittingPrefix(rest, font, size, width);
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        while (!last.isEmpty() && font.getWidth(last + ELLIPSIS, size) > width) {
            last = last.substring(0, last.length() - 1);
        }
        kept.set(maxLines - 1, last.stripTrailing() + ELLIPSIS);
        return kept;
    }

    /**
     * The text composed (NFC: a letter and its accent as one character, as the fonts draw them) with every
     * character the font has no glyph for replaced by {@value #MISSING}. A form is printed whatever a free-text
     * field holds, and PDF/A forbids showing a font's empty {@code .notdef} glyph.
     */
    static String printable(String text, PdfFont font) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (composed.codePoints().allMatch(font::containsGlyph)) {
            return composed;
        }
        StringBuilder printable = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint ->
                printable.appendCodePoint(font.containsGlyph(codePoint) ? codePoint : MISSING));
        return printable.toString();
    }

    private static int fittingPrefix(String word, PdfFont font, float size, float width) {
        int fits = 1;
        while (fits < word.length() && font.getWidth(word.substring(0, fits + 1), size) <= width) {
            fits++;
        }
        return fits;
    }

    /** The lines from baseline {@code y} down, {@code leading} apart; returns the baseline after the last. */
    float lines(float x, float y, float leading, PdfFont font, float size, Color color, List<String> lines) {
        float baseline = y;
        for (String text : lines) {
            text(x, baseline, new Run(font, size, color, text));
            baseline -= leading;
        }
        return baseline;
    }

    void fill(Color color, float x, float y, float width, float height) {
        canvas.saveState().setFillColor(color).rectangle(x, y, width, height).fill().restoreState();
    }

    void frame(Color color, float lineWidth, float x, float y, float width, float height) {
        canvas.saveState().setStrokeColor(color).setLineWidth(lineWidth).rectangle(x, y, width, height).stroke()
                .restoreState();
    }

    PdfCanvas canvas() {
        return canvas;
    }
}

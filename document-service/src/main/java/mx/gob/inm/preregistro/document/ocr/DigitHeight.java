package mx.gob.inm.preregistro.document.ocr;

import java.util.Arrays;

/**
 * Tells a digit from the capital it looks like (0 from O, 8 from B, 5 from S...) by height: in OCR-B every digit
 * stands about 8% taller than the capitals, a difference that survives blur that has made the two shapes alike. The
 * heights of a line's clearly read cells are fitted against their glyphs' heights (scale, blur, and the slope
 * perspective leaves along the line); each cell's height then reads as the height of a glyph, and a look-alike
 * much shorter or taller than that is not what was printed.
 */
final class DigitHeight {

    /** Characters whose own reading is in question, never references. */
    private static final String ROUND = "O0QDUC<";
    /** A reference cell's best glyph must beat its second by this much likeness. */
    private static final float CLEAR_MARGIN = 0.04f;
    private static final int MIN_LETTERS = 2;
    private static final int MIN_DIGITS = 3;
    /** The O and 0 heights the fit predicts must lie this many residual deviations apart. */
    private static final double SEPARATION = 1.5;
    /** Capitals a digit is taken for, each shorter than its digit. */
    private static final String CAPITALS = "OQDBSZGI";
    /** Digits a capital is taken for. */
    private static final String DIGITS = "085261";
    /**
     * A cell this share of the O-to-0 difference taller than a capital is not that capital, and as much shorter
     * than a digit is not that digit.
     */
    private static final double TOO_FAR = 0.65;

    private DigitHeight() {
    }

    /**
     * For each cell, the look-alikes (capitals and digits) its height speaks against; empty where the line gives no
     * reliable prediction.
     */
    static String[] ruledOut(LineImage strip, double[] edges, Ranking[] cells, GlyphTemplates templates, int blur) {
        double[] measured = glyphHeights(strip, edges, cells, templates, blur);
        double difference = TOO_FAR * (templates.height('0', blur) - templates.height('O', blur));
        String[] out = new String[cells.length];
        for (int i = 0; i < out.length; i++) {
            StringBuilder against = new StringBuilder();
            for (char c : CAPITALS.toCharArray()) {
                if (measured[i] >= templates.height(c, blur) + difference) {
                    against.append(c);
                }
            }
            for (char c : DIGITS.toCharArray()) {
                if (measured[i] <= templates.height(c, blur) - difference) {
                    against.append(c);
                }
            }
            out[i] = against.toString();
        }
        return out;
    }

    /**
     * For each cell, the height of the glyph it shows as the line's other cells measure glyphs, in pixels of a line
     * strip like {@link GlyphTemplates#height} at blur level {@code blur}; NaN where the line gives no reliable
     * measure.
     */
    static double[] glyphHeights(LineImage strip, double[] edges, Ranking[] cells, GlyphTemplates templates,
                                 int blur) {
        int n = cells.length;
        double[] heights = new double[n];
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        double[][] normal = new double[3][3];
        double[] right = new double[3];
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            heights[i] = strip.inkHeight(edges[i], edges[i + 1]);
            char c = cells[i].best();
            if (ROUND.indexOf(c) >= 0 || cells[i].margin() < CLEAR_MARGIN || Double.isNaN(heights[i])
                    || Double.isNaN(templates.height(c, blur))) {
                continue;
            }
            double[] row = {templates.height(c, blur), 1, i - n / 2.0};
            for (int a = 0; a < 3; a++) {
                right[a] += row[a] * heights[i];
                for (int b = 0; b < 3; b++) {
                    normal[a][b] += row[a] * row[b];
                }
            }
            if (Character.isDigit(c)) {
                digits++;
            } else {
                letters++;
            }
        }
        if (letters < MIN_LETTERS || digits < MIN_DIGITS) {
            return out;
        }
        double[] fit = solve(normal, right);
        if (fit == null || fit[0] <= 0) {
            return out;
        }
        double squares = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = cells[i].best();
            if (ROUND.indexOf(c) >= 0 || cells[i].margin() < CLEAR_MARGIN || Double.isNaN(heights[i])
                    || Double.isNaN(templates.height(c, blur))) {
                continue;
            }
            double residual = heights[i] - (fit[0] * templates.height(c, blur) + fit[1] + fit[2] * (i - n / 2.0));
            squares += residual * residual;
            count++;
        }
        double deviation = Math.sqrt(squares / Math.max(1, count - 3));
        double letterO = fit[0] * templates.height('O', blur);
        double digit0 = fit[0] * templates.height('0', blur);
        if (digit0 - letterO < SEPARATION * deviation) {
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = (heights[i] - fit[1] - fit[2] * (i - n / 2.0)) / fit[0];
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[c][c]) < 1e-9) {
                return null;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}

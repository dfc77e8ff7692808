package mx.gob.inm.preregistro.document.ocr;

/**
 * The desk seen past the page's edge at the ends of a line strip ({@link LineImage}), painted white: the rows above
 * and below the text hold no characters, so ink in them near an end of the strip is the desk or the page's edge (a
 * dark desk, or the shadow line of a light one), and the edge is the straight line through where it stops.
 */
final class PageEdge {

    /** Rows above and below the text that must show the desk before an end of the strip is taken for it. */
    private static final int ROWS = 6;
    /** How far from a strip's end (character heights) the desk is looked for: a little past the margin. */
    private static final int REACH = 2;
    /** How far (pixels) the desk's extent in a row may stray from the straight edge fitted through all rows. */
    private static final double STRAIGHTNESS = 3;
    /** How far past the fitted page edge (pixels of the strip) its blur darkens the paper. */
    private static final double EDGE_BLUR = 2;

    private PageEdge() {
    }

    /** Paints out the desk at both ends of {@code strip}, whose characters are {@code capHeight} high. */
    static void paintOutDesk(GrayImage strip, int capHeight) {
        paintOut(strip, capHeight, true);
        paintOut(strip, capHeight, false);
    }

    /**
     * Paints white the desk past the page's edge at one end of the strip ({@code left} or right): the rows above and
     * below the text hold no characters, so ink in them near the strip's end is the desk or the page's edge (a dark
     * desk, or the shadow line of a light one). When enough of them show it along a straight line, the page's edge
     * is that line, and everything beyond it (plus the blur of the edge) is painted white, so that a character near
     * the edge is not read together with the desk (a 1 touching it taken for a B), nor the edge taken for the end of
     * the line.
     */
    private static void paintOut(GrayImage strip, int capHeight, boolean left) {
        int w = strip.width;
        int h = strip.height;
        int reach = Math.min(w / 4, REACH * capHeight);
        int band = capHeight * 5 / 8;
        int[] ys = new int[h];
        int[] runs = new int[h];
        int rows = 0;
        for (int y = 0; y < h; y++) {
            if (Math.abs(y - h / 2) < band) {
                continue;
            }
            int run = 0;
            for (int k = 0; k < reach; k++) {
                if (strip.pixels[y * w + (left ? k : w - 1 - k)] < 128) {
                    run = k + 1;
                }
            }
            if (run > 0) {
                ys[rows] = y;
                runs[rows] = run;
                rows++;
            }
        }
        if (rows < ROWS) {
            return;
        }
        double[] fit = straightLine(ys, runs, rows);
        for (int i = 0; i < rows; i++) {
            if (Math.abs(runs[i] - (fit[0] + fit[1] * ys[i])) > STRAIGHTNESS) {
                return;
            }
        }
        for (int y = 0; y < h; y++) {
            int run = (int) Math.ceil(fit[0] + fit[1] * y + EDGE_BLUR);
            for (int k = 0; k < Math.min(run, w); k++) {
                strip.pixels[y * w + (left ? k : w - 1 - k)] = 255;
            }
        }
    }

    /** Least squares {@code run = a + b y} over the first {@code n} points; {@code b = 0} when all rows are one. */
    private static double[] straightLine(int[] ys, int[] runs, int n) {
        double sy = 0;
        double sr = 0;
        double syy = 0;
        double syr = 0;
        for (int i = 0; i < n; i++) {
            sy += ys[i];
            sr += runs[i];
            syy += (double) ys[i] * ys[i];
            syr += (double) ys[i] * runs[i];
        }
        double determinant = n * syy - sy * sy;
        double b = Math.abs(determinant) < 1e-9 ? 0 : (n * syr - sy * sr) / determinant;
        return new double[] {(sr - b * sy) / n, b};
    }
}

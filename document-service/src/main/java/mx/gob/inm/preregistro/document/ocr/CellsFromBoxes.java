package mx.gob.inm.preregistro.document.ocr;

/**
 * A line's cells placed through the character boxes Tesseract found on it: the cut of last resort for a line the
 * ink profile cut out of step (a speck beside the zone, a smudge between characters).
 */
final class CellsFromBoxes {

    private CellsFromBoxes() {
    }

    /**
     * The cells of {@code strip} placed on the characters Tesseract found ({@code centres}, in pixels of
     * {@link LineImage#forTesseract()}), when it found one per cell: a smooth fit of their centres (a slight change
     * of pitch allowed), so that one misplaced box does not move a cell. Null when the count differs.
     */
    static double[] through(LineImage strip, double[] centres, int count) {
        if (centres.length != count) {
            return null;
        }
        double scale = LineImage.TESSERACT_HEIGHT / strip.textHeight();
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = centres[i] / scale;
        }
        double[] fit = quadratic(x, null);
        double pitch = fit[1] + fit[2] * (count - 1);
        boolean[] outlier = new boolean[count];
        for (int i = 0; i < count; i++) {
            outlier[i] = Math.abs(x[i] - (fit[0] + fit[1] * i + fit[2] * i * i)) > 0.3 * pitch;
        }
        fit = quadratic(x, outlier);
        double[] edges = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            double at = i - 0.5;
            edges[i] = fit[0] + fit[1] * at + fit[2] * at * at;
        }
        return edges;
    }

    /** Least squares {@code x[i] = a + b i + c i²} over the points not marked {@code left out}. */
    private static double[] quadratic(double[] x, boolean[] leftOut) {
        double[][] m = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            if (leftOut != null && leftOut[i]) {
                continue;
            }
            double[] row = {1, i, (double) i * i};
            for (int a = 0; a < 3; a++) {
                m[a][3] += row[a] * x[i];
                for (int b = 0; b < 3; b++) {
                    m[a][b] += row[a] * row[b];
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                if (r != c && m[c][c] != 0) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k < 4; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }

}

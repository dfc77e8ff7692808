package mx.gob.inm.preregistro.document.ocr;

/**
 * Aligns Tesseract's text of a line with the line's cells (edit distance), since Tesseract may drop or add
 * characters, above all in runs of fillers. Each cell gets the character Tesseract read there, or 0.
 */
final class Alignment {

    private Alignment() {
    }

    static char[] align(String cells, String read) {
        int n = cells.length();
        int m = read.length();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i * 2;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j * 2;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int substitute = cost[i - 1][j - 1] + (cells.charAt(i - 1) == read.charAt(j - 1) ? 0 : 1);
                cost[i][j] = Math.min(substitute, Math.min(cost[i - 1][j], cost[i][j - 1]) + 2);
            }
        }
        char[] aligned = new char[n];
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            int substitute = cost[i - 1][j - 1] + (cells.charAt(i - 1) == read.charAt(j - 1) ? 0 : 1);
            if (cost[i][j] == substitute) {
                aligned[i - 1] = read.charAt(j - 1);
                i--;
                j--;
            } else if (cost[i][j] == cost[i - 1][j] + 2) {
                i--;
            } else {
                j--;
            }
        }
        return aligned;
    }
}

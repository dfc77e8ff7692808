package mx.gob.inm.preregistro.document.ocr;

/**
 * Aligns Tesseract's text of a line with the line's cells (edit distance), since Tesseract may drop or add
 * characters, above all in runs of fillers. Look-alikes (O and 0, the filler and K) cost little to substitute, so a
 * misread does not pull the rest of the line out of step. Each cell gets the character Tesseract read there, or 0.
 */
final class Alignment {

    private static final String[] LOOKALIKES = {"O0QDU", "<KCELSX", "S5", "B8", "I1T", "Z2", "G6"};
    private static final int SAME = 0;
    private static final int SIMILAR = 1;
    private static final int DIFFERENT = 3;
    /**
     * What substituting an unlike character costs when the alignment gives each cell its reading: as much as a
     * character Tesseract added or dropped, so that a run of unlike pairs (Tesseract's text slipped one cell, after
     * it read two characters for a filler) costs more than the two gaps that put it back in step.
     */
    private static final int DIFFERENT_IN_STEP = 5;
    private static final int GAP = 5;
    /**
     * What a filler cell Tesseract read nothing for costs when the alignment gives each cell its reading: it drops
     * fillers from long runs all the time, and a cheap gap there keeps the names before the run in step.
     */
    private static final int FILLER_GAP_IN_STEP = 2;

    private Alignment() {
    }

    /** The character Tesseract read in each cell ({@code read} aligned to {@code cells}), 0 where it read none. */
    static char[] align(String cells, String read) {
        return align(cells, read, DIFFERENT_IN_STEP, FILLER_GAP_IN_STEP);
    }

    private static char[] align(String cells, String read, int different, int fillerGap) {
        int n = cells.length();
        int m = read.length();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            cost[i][0] = cost[i - 1][0] + gap(cells.charAt(i - 1), fillerGap);
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j * GAP;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int substitute = cost[i - 1][j - 1] + substitution(cells.charAt(i - 1), read.charAt(j - 1), different);
                int skipCell = cost[i - 1][j] + gap(cells.charAt(i - 1), fillerGap);
                cost[i][j] = Math.min(substitute, Math.min(skipCell, cost[i][j - 1] + GAP));
            }
        }
        char[] aligned = new char[n];
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            int substitute = cost[i - 1][j - 1] + substitution(cells.charAt(i - 1), read.charAt(j - 1), different);
            if (cost[i][j] == substitute) {
                aligned[i - 1] = read.charAt(j - 1);
                i--;
                j--;
            } else if (cost[i][j] == cost[i - 1][j] + gap(cells.charAt(i - 1), fillerGap)) {
                i--;
            } else {
                j--;
            }
        }
        return aligned;
    }

    /** The cells where Tesseract read a character that is neither the cell's nor a look-alike of it. */
    static int disagreements(String cells, String read) {
        char[] aligned = align(cells, read, DIFFERENT, GAP);
        int count = 0;
        for (int i = 0; i < aligned.length; i++) {
            if (aligned[i] != 0 && substitution(cells.charAt(i), aligned[i], DIFFERENT) == DIFFERENT) {
                count++;
            }
        }
        return count;
    }

    /** What a cell Tesseract read nothing for costs. */
    private static int gap(char cell, int fillerGap) {
        return cell == '<' ? fillerGap : GAP;
    }

    private static int substitution(char a, char b, int different) {
        if (a == b) {
            return SAME;
        }
        for (String group : LOOKALIKES) {
            if (group.indexOf(a) >= 0 && group.indexOf(b) >= 0) {
                return SIMILAR;
            }
        }
        return different;
    }
}

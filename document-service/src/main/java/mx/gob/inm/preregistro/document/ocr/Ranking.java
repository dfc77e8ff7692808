package mx.gob.inm.preregistro.document.ocr;

import java.util.Arrays;

/** Candidate characters for one cell, best first, with their likeness scores (cosine, up to 1). */
record Ranking(String characters, float[] scores) {

    static Ranking of(String alphabet, float[] scores) {
        Integer[] order = new Integer[alphabet.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        StringBuilder chars = new StringBuilder();
        float[] sorted = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            chars.append(alphabet.charAt(order[i]));
            sorted[i] = scores[order[i]];
        }
        return new Ranking(chars.toString(), sorted);
    }

    char best() {
        return characters.charAt(0);
    }

    float score() {
        return scores[0];
    }

    float margin() {
        return scores[0] - scores[1];
    }

    /** This ranking with {@code excluded} characters ruled out (last, with score -1). */
    Ranking without(String excluded) {
        StringBuilder kept = new StringBuilder();
        StringBuilder dropped = new StringBuilder();
        float[] out = new float[scores.length];
        int k = 0;
        for (int i = 0; i < characters.length(); i++) {
            if (excluded.indexOf(characters.charAt(i)) < 0) {
                kept.append(characters.charAt(i));
                out[k++] = scores[i];
            } else {
                dropped.append(characters.charAt(i));
            }
        }
        for (int i = k; i < out.length; i++) {
            out[i] = -1;
        }
        return new Ranking(kept.append(dropped).toString(), out);
    }

    /** The likeness score of {@code c}, or -1 for a character outside the alphabet. */
    float scoreOf(char c) {
        int index = characters.indexOf(c);
        return index < 0 ? -1 : scores[index];
    }

    /** Whether {@code c} is among the {@code n} best. */
    boolean ranks(char c, int n) {
        int index = characters.indexOf(c);
        return index >= 0 && index < n;
    }
}

package mx.gob.inm.preregistro.document.ocr;

/** Candidate characters for one cell, best first, with their likeness scores (cosine, up to 1). */
record Ranking(String characters, float[] scores) {

    static Ranking of(String alphabet, float[] scores) {
        Integer[] order = new Integer[alphabet.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
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

    /** Whether {@code c} is among the {@code n} best. */
    boolean ranks(char c, int n) {
        int index = characters.indexOf(c);
        return index >= 0 && index < n;
    }
}

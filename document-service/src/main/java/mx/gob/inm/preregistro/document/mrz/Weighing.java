package mx.gob.inm.preregistro.document.mrz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Chooses a field's value among the combinations of its characters' weighed readings: the cheapest combination that
 * is valid (satisfies the check digit, is a known country code...) wins only when the next valid one costs clearly
 * more. Two valid readings close in cost mean the OCR cannot tell which was printed, and the field is unreadable.
 */
final class Weighing {

    /** A valid reading must be this much cheaper than the next to be trusted. */
    static final float DECISIVE = 1.5f;
    /** Readings costing this much more than a character's cheapest are not considered. */
    static final float PRUNE = 4f;
    /** A valid combination may cost at most this much more than the cheapest combination, valid or not. */
    static final float BUDGET = 3f;
    /** On a line read with much disagreement, a field with more combinations than this is not decided. */
    private static final long MAX_COMBINATIONS = 20_000;
    /** Combinations visited before a field is given up as undecidable. */
    private static final int MAX_VISITED = 50_000;

    private Weighing() {
    }

    /** A character's readings valid in its position, cheapest first, with their costs. */
    record Options(String characters, float[] costs, boolean misfit) {

        static Options of(MrzText.CellReadings readings, CharClass kind) {
            StringBuilder chars = new StringBuilder();
            List<Float> costs = new ArrayList<>();
            int cheapestRead = 0;
            for (int i = 1; i < readings.costs().length; i++) {
                if (readings.costs()[i] < readings.costs()[cheapestRead]) {
                    cheapestRead = i;
                }
            }
            // the likeliest reading is a character this position cannot hold, and no look-alike it could
            boolean misfit = readings.costs().length > 0
                    && !kind.accepts(kind.normalise(readings.characters().charAt(cheapestRead)));
            for (int i = 0; i < readings.characters().length(); i++) {
                char read = readings.characters().charAt(i);
                char c = kind.normalise(read);
                float cost = readings.costs()[i];
                if (!kind.accepts(c)) {
                    continue;
                }
                if (kind == CharClass.LETTERS && c != read && readings.characters().indexOf(c) >= 0) {
                    // a letter weighed in its own right: the digit it looks like (0 for O) does not lend it likeness
                    continue;
                }
                int seen = chars.indexOf(String.valueOf(c));
                if (seen < 0) {
                    chars.append(c);
                    costs.add(cost);
                } else if (cost < costs.get(seen)) {
                    costs.set(seen, cost);
                }
            }
            // cheapest first, and nothing far beyond the cheapest
            Integer[] order = new Integer[chars.length()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(costs.get(a), costs.get(b)));
            StringBuilder sortedChars = new StringBuilder();
            List<Float> sortedCosts = new ArrayList<>();
            for (int i : order) {
                if (costs.get(i) <= costs.get(order[0]) + PRUNE) {
                    sortedChars.append(chars.charAt(i));
                    sortedCosts.add(costs.get(i));
                }
            }
            float[] out = new float[sortedCosts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = sortedCosts.get(i);
            }
            return new Options(sortedChars.toString(), out, misfit);
        }

        /** Whether a second reading comes within {@link #DECISIVE} of the cheapest, or the likeliest did not fit. */
        boolean doubtful() {
            return misfit || costs.length > 1 && costs[1] - costs[0] < DECISIVE;
        }
    }

    /**
     * The cheapest valid combination when it is decisively cheaper than any other valid one and not far dearer than
     * what was read; null when there is none, when two are close, or when only an unlikely one is valid. The
     * combinations are visited cheapest first, and only as far as the decision needs, so that a long field with
     * several doubtful characters is decided like a short one; with {@code fewOnly} (a line the recognitions
     * disagree about in many places), a field with more than {@link #MAX_COMBINATIONS} combinations is not decided.
     */
    static String decide(Options[] positions, Predicate<char[]> valid, boolean fewOnly) {
        long combinations = 1;
        for (Options options : positions) {
            if (options.characters().isEmpty()) {
                return null;
            }
            combinations = Math.min(Long.MAX_VALUE / 64, combinations * options.characters().length());
        }
        if (fewOnly && combinations > MAX_COMBINATIONS) {
            return null;
        }
        float cheapest = 0;
        for (Options options : positions) {
            cheapest += options.costs()[0];
        }
        // each combination is reached once: from the cheapest, by raising choices in increasing position order
        PriorityQueue<Combination> queue = new PriorityQueue<>(Comparator.comparingDouble(Combination::cost));
        queue.add(new Combination(new int[positions.length], cheapest, 0));
        char[] candidate = new char[positions.length];
        String best = null;
        float bestCost = 0;
        for (int visited = 0; !queue.isEmpty(); visited++) {
            Combination next = queue.poll();
            if (visited >= MAX_VISITED) {
                return null;
            }
            if (best == null && next.cost() - cheapest > BUDGET) {
                return null;
            }
            if (best != null && next.cost() - bestCost >= DECISIVE) {
                return best;
            }
            for (int i = 0; i < positions.length; i++) {
                candidate[i] = positions[i].characters().charAt(next.choices()[i]);
            }
            if (valid.test(candidate)) {
                if (best != null) {
                    return null;
                }
                best = new String(candidate);
                bestCost = next.cost();
            }
            for (int i = next.from(); i < positions.length; i++) {
                int choice = next.choices()[i] + 1;
                if (choice < positions[i].characters().length()) {
                    int[] choices = next.choices().clone();
                    choices[i] = choice;
                    float cost = next.cost() + positions[i].costs()[choice] - positions[i].costs()[choice - 1];
                    queue.add(new Combination(choices, cost, i));
                }
            }
        }
        return best;
    }

    /** One reading per position (indexes into each position's options), its cost, the first position to raise. */
    private record Combination(int[] choices, float cost, int from) {
    }
}

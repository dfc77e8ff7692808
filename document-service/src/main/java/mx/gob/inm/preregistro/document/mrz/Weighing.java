package mx.gob.inm.preregistro.document.mrz;

import java.util.ArrayList;
import java.util.List;
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
    private static final long MAX_COMBINATIONS = 20_000;

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
                char c = kind.normalise(readings.characters().charAt(i));
                float cost = readings.costs()[i];
                if (!kind.accepts(c)) {
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
            java.util.Arrays.sort(order, (a, b) -> Float.compare(costs.get(a), costs.get(b)));
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
     * what was read; null when there is none, when two are close, or when only an unlikely one is valid.
     */
    static String decide(Options[] positions, Predicate<char[]> valid) {
        long combinations = 1;
        for (Options options : positions) {
            if (options.characters().isEmpty()) {
                return null;
            }
            combinations *= options.characters().length();
            if (combinations > MAX_COMBINATIONS) {
                return null;
            }
        }
        float cheapest = 0;
        for (Options options : positions) {
            cheapest += options.costs()[0];
        }
        char[] candidate = new char[positions.length];
        String best = null;
        float bestCost = Float.MAX_VALUE;
        float secondCost = Float.MAX_VALUE;
        for (long n = 0; n < combinations; n++) {
            long rest = n;
            float cost = 0;
            for (int i = 0; i < positions.length; i++) {
                int choice = (int) (rest % positions[i].characters().length());
                rest /= positions[i].characters().length();
                candidate[i] = positions[i].characters().charAt(choice);
                cost += positions[i].costs()[choice];
            }
            if (cost >= secondCost || !valid.test(candidate)) {
                continue;
            }
            if (cost < bestCost) {
                secondCost = bestCost;
                bestCost = cost;
                best = new String(candidate);
            } else {
                secondCost = cost;
            }
        }
        return best != null && bestCost - cheapest <= BUDGET && secondCost - bestCost >= DECISIVE ? best : null;
    }
}

package mx.gob.inm.preregistro.document.mrz;

import java.util.List;

/**
 * What the OCR read: the lines of the zone; for each character the other readings it found plausible, best first
 * (may be empty), tried one at a time where a check digit fails; and, from an OCR that weighs its evidence, each
 * character's candidate readings with their costs ({@code readings}, may be empty: then the first two are all there
 * is). With costs the parser weighs whole fields: among the combinations that satisfy a check digit it keeps the
 * cheapest only when it is clearly cheaper than the next, and a name character only when no other reading comes
 * close.
 */
public record MrzText(List<String> lines, List<List<String>> alternatives, List<List<CellReadings>> readings) {

    public MrzText {
        lines = List.copyOf(lines);
        alternatives = List.copyOf(alternatives);
        readings = List.copyOf(readings);
    }

    /** Lines with alternatives but no costs. */
    public MrzText(List<String> lines, List<List<String>> alternatives) {
        this(lines, alternatives, List.of());
    }

    /** Lines without alternatives (typed or read by a reliable source). */
    public static MrzText of(String... lines) {
        return new MrzText(List.of(lines), List.of());
    }

    /**
     * Candidate readings of one character and what each costs: 0 for a reading every recognition agrees with,
     * more the less the evidence supports it.
     */
    public record CellReadings(String characters, float[] costs) {
    }

    /** The other readings of character {@code index} of line {@code line}, best first. */
    String alternativesAt(int line, int index) {
        if (line >= alternatives.size() || index >= alternatives.get(line).size()) {
            return "";
        }
        return alternatives.get(line).get(index);
    }

    /** Whether line {@code line} comes with weighed readings. */
    boolean weighed(int line) {
        return line < readings.size() && !readings.get(line).isEmpty();
    }

    /** The weighed readings of character {@code index} of line {@code line}; only when {@link #weighed}. */
    CellReadings readingsAt(int line, int index) {
        return readings.get(line).get(index);
    }
}

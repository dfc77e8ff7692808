package mx.gob.inm.preregistro.document.mrz;

import java.util.List;

/**
 * What the OCR read: the lines of the zone, and for each character the other readings it found plausible, best first
 * (may be empty). The parser tries those alternatives only where a check digit says the first reading is wrong.
 */
public record MrzText(List<String> lines, List<List<String>> alternatives) {

    public MrzText {
        lines = List.copyOf(lines);
        alternatives = List.copyOf(alternatives);
    }

    /** Lines without alternatives (typed or read by a reliable source). */
    public static MrzText of(String... lines) {
        return new MrzText(List.of(lines), List.of());
    }

    /** The other readings of character {@code index} of line {@code line}, best first. */
    String alternativesAt(int line, int index) {
        if (line >= alternatives.size() || index >= alternatives.get(line).size()) {
            return "";
        }
        return alternatives.get(line).get(index);
    }
}

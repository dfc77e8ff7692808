package mx.gob.inm.preregistro.document.mrz;

import java.util.Map;

/**
 * What a position of the zone may hold, and how OCR confusions are undone there. In a digits-only position a letter
 * that looks like a digit can only be that digit (O is 0, B is 8), and the reverse in a letters-only position; in an
 * alphanumeric position both readings are possible, so the confusion partners are only candidates for a check digit
 * to choose from.
 */
enum CharClass {
    DIGITS, LETTERS, ALPHANUMERIC;

    private static final Map<Character, Character> LETTER_TO_DIGIT = Map.ofEntries(
            Map.entry('O', '0'), Map.entry('Q', '0'), Map.entry('D', '0'), Map.entry('U', '0'),
            Map.entry('I', '1'), Map.entry('L', '1'), Map.entry('J', '1'), Map.entry('Z', '2'), Map.entry('B', '8'),
            Map.entry('S', '5'), Map.entry('G', '6'), Map.entry('A', '4'), Map.entry('T', '7'));
    private static final Map<Character, Character> DIGIT_TO_LETTER = Map.ofEntries(
            Map.entry('0', 'O'), Map.entry('1', 'I'), Map.entry('2', 'Z'), Map.entry('4', 'A'), Map.entry('5', 'S'),
            Map.entry('6', 'G'), Map.entry('8', 'B'));
    private static final String[] CONFUSABLE = {"O0QD", "I1L", "B8", "S5", "Z2", "G6", "A4", "T7"};

    /** The reading of {@code c} in this position when the class alone decides it, else {@code c} itself. */
    char normalise(char c) {
        if (this == DIGITS && LETTER_TO_DIGIT.containsKey(c)) {
            return LETTER_TO_DIGIT.get(c);
        }
        if (this == LETTERS && DIGIT_TO_LETTER.containsKey(c)) {
            return DIGIT_TO_LETTER.get(c);
        }
        return c;
    }

    boolean accepts(char c) {
        boolean digit = c >= '0' && c <= '9';
        boolean letter = c >= 'A' && c <= 'Z';
        switch (this) {
            case DIGITS:
                return digit;
            case LETTERS:
                return letter || c == '<';
            default:
                return digit || letter || c == '<';
        }
    }

    /** Characters an OCR commonly confuses with {@code c}, valid in this position. */
    String partners(char c) {
        StringBuilder out = new StringBuilder();
        for (String group : CONFUSABLE) {
            if (group.indexOf(c) >= 0) {
                for (char other : group.toCharArray()) {
                    if (other != c && accepts(other)) {
                        out.append(other);
                    }
                }
            }
        }
        return out.toString();
    }
}

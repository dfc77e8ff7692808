package mx.gob.inm.preregistro.document.mrz;

/** The ICAO 9303 check digit: weights 7, 3, 1 repeating; digits count as themselves, A..Z as 10..35, {@code <} as 0. */
public final class CheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {
    }

    /** The check digit of {@code text}, which must hold MRZ characters only. */
    public static int of(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += value(text.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** Whether {@code digit} (a character of the MRZ) is the check digit of {@code text}. */
    public static boolean matches(CharSequence text, char digit) {
        return digit >= '0' && digit <= '9' && of(text) == digit - '0';
    }

    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: " + c);
    }
}

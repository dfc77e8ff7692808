package mx.gob.inm.preregistro.platform.text;

/**
 * Text a person types into a form field: no control characters (NUL, line breaks...), no invisible direction marks
 * or overrides that make a value read differently on screen, in Keycloak, in e-mails and in PDFs than it is stored,
 * and no half of a surrogate pair.
 */
public final class PlainText {

    private PlainText() {
    }

    public static boolean is(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

package mx.gob.inm.preregistro.platform.security;

/**
 * What Spring Security's {@code StrictHttpFirewall} accepts in header names and values and in parameter names:
 * assigned Unicode characters that are not control characters (a header value may also hold a tab). The firewall
 * checks them with regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), on every header a request
 * reads, the 1.3 KB access token included: this reads each character once, the printable ASCII ones without
 * looking anything up. {@code FirewallCharactersTest} holds both to the expressions, over every code point.
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    static boolean headerName(String name) {
        return assignedAndNotControl(name, false);
    }

    static boolean headerValue(String value) {
        return assignedAndNotControl(value, true);
    }

    static boolean parameterName(String name) {
        return assignedAndNotControl(name, false);
    }

    private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}

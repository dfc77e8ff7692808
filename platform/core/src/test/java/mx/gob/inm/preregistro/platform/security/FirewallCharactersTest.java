package mx.gob.inm.preregistro.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link FirewallCharacters} accepts exactly what {@code StrictHttpFirewall}'s regular expressions accept. */
class FirewallCharactersTest {

    /** StrictHttpFirewall's own expressions (Spring Security 7): names, and values where a tab is also allowed. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    @DisplayName("every code point alone, lone surrogates included, is judged as the firewall's expressions judge it")
    void everyCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            if (FirewallCharacters.headerName(text) != NAME.matcher(text).matches()
                    || FirewallCharacters.parameterName(text) != NAME.matcher(text).matches()
                    || FirewallCharacters.headerValue(text) != VALUE.matcher(text).matches()) {
                throw new AssertionError("U+%04X judged otherwise than the firewall's expressions".formatted(codePoint));
            }
        }
    }

    @Test
    @DisplayName("generated strings of printable, control, unassigned and surrogate characters: the same answers")
    void generatedStrings() {
        Random random = new Random(7);
        char[] characters = {'a', 'Z', ' ', '~', '\t', '\n', '\u0000', '\u007f', '\u0085', 'ñ', '\u0378', '\ud83d',
                '\ude00', '\ufffe', '€'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(characters[random.nextInt(characters.length)]);
            }
            String value = text.toString();
            assertThat(FirewallCharacters.headerName(value)).as(value).isEqualTo(NAME.matcher(value).matches());
            assertThat(FirewallCharacters.headerValue(value)).as(value).isEqualTo(VALUE.matcher(value).matches());
        }
    }

    @Test
    @DisplayName("an access token, a cookie and a Spanish name pass; a control character does not, a tab only in a value")
    void examples() {
        assertThat(FirewallCharacters.headerValue("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")).isTrue();
        assertThat(FirewallCharacters.headerValue("SESSION=abc; XSRF-TOKEN=d-e_f")).isTrue();
        assertThat(FirewallCharacters.headerValue("José Ñúñez 😀")).isTrue();
        assertThat(FirewallCharacters.headerValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.headerName("a\tb")).isFalse();
        assertThat(FirewallCharacters.headerValue("a\rb")).isFalse();
        assertThat(FirewallCharacters.headerValue("a\u0378b")).isFalse();
    }
}

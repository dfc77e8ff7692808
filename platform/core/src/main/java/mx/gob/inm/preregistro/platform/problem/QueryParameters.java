package mx.gob.inm.preregistro.platform.problem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A raw query string read strictly, for the one case the servlet container cannot answer: escapes that are not UTF-8
 * ({@code %C3%28}, {@code %FF}, a lone surrogate) or broken ({@code %G1}). Tomcat then refuses every parameter of the
 * request; this finds which one to name in the 400.
 */
final class QueryParameters {

    /** A name is echoed only when it looks like one. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,64}");

    private QueryParameters() {
    }

    /**
     * The name of the first parameter whose value cannot be decoded as UTF-8; {@code query} when it is a name that
     * cannot, or none can be found (the whole address is then what is wrong).
     */
    static String firstUndecodable(String rawQuery) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (name.isEmpty()) {
                    break;
                }
                if (equals >= 0 && decode(pair.substring(equals + 1)).isEmpty()) {
                    return NAME.matcher(name.get()).matches() ? name.get() : "query";
                }
            }
        }
        return "query";
    }

    /** Percent escapes and {@code +} decoded strictly ({@code application/x-www-form-urlencoded}, UTF-8). */
    static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7F) {
                return Optional.empty();
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}

package mx.gob.inm.preregistro.fmme.verification;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * The {@code seal} of {@code /api/fmme/verify?seal=...}, read from the raw query string instead of the servlet's
 * parameters: Tomcat throws while decoding parameters whose escapes are not UTF-8 ({@code %C3%28}, {@code %FF}, a
 * lone surrogate), which surfaced as a 500 before the controller ran. Here such a value, or a broken escape, is a
 * 400 naming {@code seal}: it cannot be a seal (Base45 is ASCII), and the caller learns that the address is wrong.
 */
final class SealParameter {

    private static final String NAME = "seal";

    private SealParameter() {
    }

    /** The first {@code seal} of the query, decoded as {@code application/x-www-form-urlencoded} UTF-8; empty when absent. */
    static Optional<String> from(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (NAME.equals(decodeOrNull(name))) {
                String value = decodeOrNull(equals < 0 ? "" : pair.substring(equals + 1));
                if (value == null) {
                    throw ValidationFailedException.of(NAME, "invalid");
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Percent escapes and {@code +} decoded, strictly: null for a broken escape or bytes that are not UTF-8. */
    private static String decodeOrNull(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7F) {
                return null;    // a raw non-ASCII character: Tomcat would have refused the address already
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}

package mx.gob.inm.preregistro.fmme.seal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Base45 (RFC 9285): bytes as characters of the QR code's alphanumeric set, so a seal fills a QR in its densest
 * text mode (as the EU Digital COVID Certificate does). Two bytes become three characters.
 */
public final class Base45 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3 / 2 + 2);
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xff) * 256 + (bytes[i + 1] & 0xff);
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (bytes.length % 2 == 1) {
            int n = bytes[bytes.length - 1] & 0xff;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text is not Base45 */
    public static byte[] decode(String text) {
        byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
        if (chars.length % 3 == 1) {
            throw new IllegalArgumentException("not Base45: length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(chars.length * 2 / 3);
        for (int i = 0; i < chars.length; i += 3) {
            int c = value(chars[i]) + value(chars[i + 1]) * 45;
            if (i + 2 < chars.length) {
                int n = c + value(chars[i + 2]) * 2025;
                if (n > 0xffff) {
                    throw new IllegalArgumentException("not Base45: value");
                }
                out.write(n >> 8);
                out.write(n & 0xff);
            } else {
                if (c > 0xff) {
                    throw new IllegalArgumentException("not Base45: value");
                }
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int value(byte c) {
        int v = c < 0 ? -1 : VALUES[c];
        if (v < 0) {
            throw new IllegalArgumentException("not Base45: character");
        }
        return v;
    }
}

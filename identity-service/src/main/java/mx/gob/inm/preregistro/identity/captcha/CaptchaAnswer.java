package mx.gob.inm.preregistro.identity.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The text a person must type: drawn from an alphabet without look-alikes, kept only as a salted SHA-256. */
final class CaptchaAnswer {

    /** No 0/O, 1/I/L: nothing a person could misread. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private CaptchaAnswer() {
    }

    static String random(int length, RandomGenerator random) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static String newSalt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** Case-insensitive: the answer is upper-cased (and trimmed) before hashing. */
    static String hash(String salt, String answer) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(
                    answer.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String salt, String expectedHash, String answer) {
        return answer != null && MessageDigest.isEqual(
                hash(salt, answer).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

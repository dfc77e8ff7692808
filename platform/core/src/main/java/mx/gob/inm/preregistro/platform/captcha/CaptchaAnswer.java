package mx.gob.inm.preregistro.platform.captcha;

import java.util.random.RandomGenerator;

/** The text a person must type: drawn from an alphabet without look-alikes. */
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
}

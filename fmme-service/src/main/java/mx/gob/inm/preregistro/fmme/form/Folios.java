package mx.gob.inm.preregistro.fmme.form;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;

/**
 * FMME folios people can read out and type: {@code FMME-<year>-} and eight random characters of Crockford's
 * Base32 (no I, L, O or U, so none is mistaken for a digit), e.g. {@code FMME-2026-7KQ4X9ZD}: 40 random bits, so
 * guessing another traveller's folio is hopeless and a collision (caught by the unique id) practically never
 * happens.
 */
final class Folios {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Folios() {
    }

    static String next(Instant now, ZoneId zone) {
        StringBuilder folio = new StringBuilder("FMME-").append(now.atZone(zone).getYear()).append('-');
        long bits = RANDOM.nextLong();
        for (int i = 0; i < 8; i++) {
            folio.append(CROCKFORD[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return folio.toString();
    }
}

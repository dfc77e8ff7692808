package mx.gob.inm.preregistro.document.mrz;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three-letter codes an MRZ may carry as issuing state or nationality: ISO 3166-1 alpha-3 plus the codes ICAO
 * 9303 adds (Germany's {@code D}, British nationals, UN and stateless travellers, the UTO specimen state). Nationality
 * and issuing state have no check digit, so this list is what stops a misread code from passing.
 */
final class CountryCodes {

    private static final Set<String> CODES = new TreeSet<>();

    static {
        CODES.addAll(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        CODES.addAll(Set.of("D<<", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC",
                "XXX", "EUE", "XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XES", "XMP", "XOM", "XPO", "RKS", "UTO"));
    }

    private CountryCodes() {
    }

    static boolean isValid(String code) {
        return CODES.contains(code);
    }
}

package mx.gob.inm.preregistro.contracts;

import java.util.Locale;

/**
 * The language a person chose for texts and e-mails. The constants are the ISO 639-1 codes written on the
 * wire ({@code "es"}, {@code "en"}), hence lower case.
 */
public enum Language {
    es,
    en;

    public Locale locale() {
        return Locale.forLanguageTag(name());
    }
}

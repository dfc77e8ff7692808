package mx.gob.inm.preregistro.document.mrz;

import java.util.List;
import java.util.Map;

/**
 * The result of parsing a machine-readable zone: the zone as corrected, the fields that were read reliably, the
 * outcome of each check digit, and the fields that could not be read (absent from {@code fields}, for the traveller
 * to type). Field names are those of the HTTP contract; dates are {@code YYMMDD} as in the zone.
 */
public record MrzReading(MrzFormat format, List<String> lines, Map<String, String> fields,
                         Map<String, Boolean> checks, List<String> unreadable) {

    public static final List<String> FIELD_NAMES = List.of("documentType", "issuingState", "surname", "givenNames",
            "documentNumber", "nationality", "birthDate", "sex", "expiryDate", "personalNumber");

    public MrzReading {
        lines = List.copyOf(lines);
        fields = Map.copyOf(fields);
        checks = Map.copyOf(checks);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether every field was read and every check digit holds. */
    public boolean complete() {
        return unreadable.isEmpty() && !checks.containsValue(false);
    }
}

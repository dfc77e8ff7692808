package mx.gob.inm.preregistro.document.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.text.CalendarDate;

/**
 * The server-side checks of a document registration (R-DOC-4..7), one violation per field and rule. The formats are
 * those of an ICAO 9303 passport (TD3). The captcha is verified after these rules pass, so a form with mistakes
 * keeps its captcha.
 */
final class DocumentRules {

    static final int MAX_NAME = 39;
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("^P[A-Z]?$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z][A-Z<]{2}$");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^[A-Z0-9]{1,9}$");
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("^[A-Z0-9]{0,14}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L} '\\-]*$");
    private static final Set<String> SEXES = Set.of("M", "F", "X");
    private static final Set<String> CLASSIFICATIONS = Set.of("ORDINARY", "DIPLOMATIC");

    private final Clock clock;
    private final DocumentProperties properties;

    DocumentRules(Clock clock, DocumentProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    List<FieldViolation> check(RegistrationForm form) {
        List<FieldViolation> violations = new ArrayList<>();
        format(violations, "documentType", form.documentType(), DOCUMENT_TYPE);
        format(violations, "issuingState", form.issuingState(), COUNTRY);
        format(violations, "documentNumber", form.documentNumber(), DOCUMENT_NUMBER);
        name(violations, "surname", form.surname(), true);
        name(violations, "givenNames", form.givenNames(), false);
        format(violations, "nationality", form.nationality(), COUNTRY);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate birthDate = date(violations, "birthDate", form.birthDate());
        if (birthDate != null) {
            CalendarDate.birthDateViolation("birthDate", birthDate, today).ifPresent(violations::add);
        }
        oneOf(violations, "sex", form.sex(), SEXES);
        LocalDate expiryDate = date(violations, "expiryDate", form.expiryDate());
        if (expiryDate != null && expiryDate.isBefore(today.plus(properties.minimumValidity()))) {
            violations.add(FieldViolation.of("expiryDate", "validity_too_short",
                    properties.minimumValidity().toTotalMonths()));
        } else if (expiryDate != null && expiryDate.isAfter(today.plus(properties.maximumValidity()))) {
            violations.add(FieldViolation.of("expiryDate", "validity_too_long",
                    properties.maximumValidity().toTotalMonths() / 12));
        }
        if (form.personalNumber() != null
                && !PERSONAL_NUMBER.matcher(normalise(form.personalNumber())).matches()) {
            violations.add(FieldViolation.of("personalNumber", "format"));
        }
        oneOf(violations, "classification", form.classification(), CLASSIFICATIONS);
        required(violations, "captchaId", form.captchaId());
        required(violations, "captchaAnswer", form.captchaAnswer());
        return violations;
    }

    /** Upper case without the MRZ filler: how codes and numbers are compared and stored. */
    static String normalise(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT).replace("<", "");
    }

    private static void format(List<FieldViolation> violations, String field, String value, Pattern pattern) {
        if (required(violations, field, value)
                && !pattern.matcher(value.trim().toUpperCase(Locale.ROOT)).matches()) {
            violations.add(FieldViolation.of(field, "format"));
        }
    }

    private static void oneOf(List<FieldViolation> violations, String field, String value, Set<String> allowed) {
        if (required(violations, field, value) && !allowed.contains(value.trim().toUpperCase(Locale.ROOT))) {
            violations.add(FieldViolation.of(field, "invalid"));
        }
    }

    private static void name(List<FieldViolation> violations, String field, String value, boolean mandatory) {
        if (mandatory && !required(violations, field, value) || value == null || value.isBlank()) {
            return;
        }
        if (value.trim().length() > MAX_NAME) {
            violations.add(FieldViolation.of(field, "length"));
        } else if (!NAME.matcher(value.trim()).matches()) {
            violations.add(FieldViolation.of(field, "format"));
        }
    }

    private static LocalDate date(List<FieldViolation> violations, String field, String value) {
        if (!required(violations, field, value)) {
            return null;
        }
        Optional<LocalDate> date = CalendarDate.parse(value);
        if (date.isEmpty()) {
            violations.add(FieldViolation.of(field, "format"));
        }
        return date.orElse(null);
    }

    private static boolean required(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "required"));
            return false;
        }
        return true;
    }
}

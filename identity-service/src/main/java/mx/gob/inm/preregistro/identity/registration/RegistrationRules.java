package mx.gob.inm.preregistro.identity.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import mx.gob.inm.preregistro.identity.account.AccountProperties;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.text.CalendarDate;
import mx.gob.inm.preregistro.platform.text.PlainText;

/**
 * The server-side checks of the registration form (R-ACC-1, R-ACC-2, R-ACC-3), one violation per field and rule.
 * The captcha is not checked here: it is verified after these rules pass, so a form with mistakes keeps its
 * captcha.
 */
public final class RegistrationRules {

    static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
    private static final Pattern ALPHA3 = Pattern.compile("^[A-Z]{3}$");
    private static final Set<String> SEXES = Set.of("M", "F", "X");
    private static final Set<String> LANGUAGES = Set.of("es", "en");

    /** Whether {@code email} (trimmed) is a well-formed address of at most 254 characters; also used by recovery. */
    public static boolean isEmail(String email) {
        return email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    private final Clock clock;
    private final AccountProperties properties;

    RegistrationRules(Clock clock, AccountProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    List<FieldViolation> check(RegistrationRequest form) {
        List<FieldViolation> violations = new ArrayList<>();
        name(violations, "givenNames", form.givenNames(), true);
        name(violations, "firstSurname", form.firstSurname(), true);
        name(violations, "secondSurname", form.secondSurname(), false);
        if (required(violations, "nationality", form.nationality()) && !ALPHA3.matcher(form.nationality()).matches()) {
            violations.add(FieldViolation.of("nationality", "format"));
        }
        birthDate(violations, form.birthDate());
        if (required(violations, "sex", form.sex()) && !SEXES.contains(form.sex())) {
            violations.add(FieldViolation.of("sex", "invalid"));
        }
        if (required(violations, "email", form.email())
                && (form.email().length() > 254 || !EMAIL.matcher(form.email().trim()).matches())) {
            violations.add(FieldViolation.of("email", "email"));
        }
        if (required(violations, "emailConfirmation", form.emailConfirmation()) && form.email() != null
                && !form.email().trim().equalsIgnoreCase(form.emailConfirmation().trim())) {
            violations.add(FieldViolation.of("emailConfirmation", "email_mismatch"));
        }
        violations.addAll(PasswordPolicy.checkNew(form.password(), form.passwordConfirmation()));
        if (!Boolean.TRUE.equals(form.privacyAccepted())) {
            violations.add(FieldViolation.of("privacyAccepted", "must_accept"));
        }
        if (form.language() != null && !LANGUAGES.contains(form.language().toLowerCase(Locale.ROOT))) {
            violations.add(FieldViolation.of("language", "invalid"));
        }
        required(violations, "captchaId", form.captchaId());
        required(violations, "captchaAnswer", form.captchaAnswer());
        return violations;
    }

    /** R-ACC-2: 18 years old on the day of creation, by the calendar of Mexico City; a living person's age. */
    private void birthDate(List<FieldViolation> violations, String value) {
        if (!required(violations, "birthDate", value)) {
            return;
        }
        Optional<LocalDate> birthDate = CalendarDate.parse(value);
        if (birthDate.isEmpty()) {
            violations.add(FieldViolation.of("birthDate", "format"));
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Optional<FieldViolation> implausible = CalendarDate.birthDateViolation("birthDate", birthDate.get(), today);
        if (implausible.isPresent()) {
            violations.add(implausible.get());
        } else if (birthDate.get().plusYears(properties.minimumAge()).isAfter(today)) {
            violations.add(FieldViolation.of("birthDate", "under_age", properties.minimumAge()));
        }
    }

    private static void name(List<FieldViolation> violations, String field, String value, boolean mandatory) {
        if (mandatory && !required(violations, field, value)) {
            return;
        }
        if (value != null && value.trim().length() > MAX_NAME) {
            violations.add(FieldViolation.of(field, "length"));
        } else if (value != null && !PlainText.is(value)) {
            violations.add(FieldViolation.of(field, "format"));
        }
    }

    private static boolean required(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "required"));
            return false;
        }
        return true;
    }
}

package mx.gob.inm.preregistro.identity.registration;

import java.util.ArrayList;
import java.util.List;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;

/**
 * The password policy of R-ACC-3, one violation per broken rule: at least 8 characters, a digit, an upper-case and
 * a lower-case letter, one of {@code ! @ # $ % ^ & *}, and nothing else ({@code .}, {@code ñ}, {@code Ñ} refused).
 * The same policy is the realm's in Keycloak; registration, password change and password reset use it.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 8;
    static final String SPECIALS = "!@#$%^&*";

    private PasswordPolicy() {
    }

    /**
     * A new password and its confirmation, as every form that sets one asks for them: both required, the policy on
     * {@code password}, the match on {@code passwordConfirmation}.
     */
    public static List<FieldViolation> checkNew(String password, String confirmation) {
        return checkNew("password", password, "passwordConfirmation", confirmation);
    }

    /** {@link #checkNew(String, String)} for a form that names its fields otherwise (the password change). */
    public static List<FieldViolation> checkNew(String field, String password, String confirmationField,
            String confirmation) {
        List<FieldViolation> violations = new ArrayList<>();
        if (password == null || password.isBlank()) {
            violations.add(FieldViolation.of(field, "required"));
        } else {
            violations.addAll(check(field, password));
        }
        if (confirmation == null || confirmation.isBlank()) {
            violations.add(FieldViolation.of(confirmationField, "required"));
        } else if (password != null && !password.equals(confirmation)) {
            violations.add(FieldViolation.of(confirmationField, "password_mismatch"));
        }
        return violations;
    }

    public static List<FieldViolation> check(String field, String password) {
        List<FieldViolation> violations = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            violations.add(FieldViolation.of(field, "password_length", MINIMUM_LENGTH));
        }
        if (password.chars().noneMatch(PasswordPolicy::isAsciiDigit)) {
            violations.add(FieldViolation.of(field, "password_digit"));
        }
        if (password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            violations.add(FieldViolation.of(field, "password_upper"));
        }
        if (password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            violations.add(FieldViolation.of(field, "password_lower"));
        }
        if (password.chars().noneMatch(c -> SPECIALS.indexOf(c) >= 0)) {
            violations.add(FieldViolation.of(field, "password_special", SPECIALS));
        }
        if (password.chars().anyMatch(c -> !isAllowed(c))) {
            violations.add(FieldViolation.of(field, "password_forbidden_chars"));
        }
        return violations;
    }

    private static boolean isAllowed(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isAsciiDigit(c) || SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}

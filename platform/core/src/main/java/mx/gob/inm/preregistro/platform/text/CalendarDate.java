package mx.gob.inm.preregistro.platform.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;

/**
 * A day as a form or a query writes it, {@code yyyy-MM-dd}, and the checks every birth date gets.
 *
 * <p>{@link LocalDate#parse} also takes a year of more than four digits when it has a sign
 * ({@code +999999999-12-31}, {@code -999999999-01-01}): no person means it, and a MongoDB date cannot hold it, so a
 * document or a question with it failed with a 500 where it was stored or looked up.
 */
public final class CalendarDate {

    /** Older than this, a birth date is a typing mistake (the oldest person on record lived 122 years). */
    public static final int OLDEST_AGE = 130;

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CalendarDate() {
    }

    /** The day {@code text} writes (spaces around it ignored), or empty when it writes none (30 February neither). */
    public static Optional<LocalDate> parse(String text) {
        String trimmed = text.trim();
        if (!DAY.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(trimmed));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with {@code birthDate} as the birth date of a living person on {@code today}: after today
     * ({@code past}) or more than {@link #OLDEST_AGE} years before ({@code birth_too_early}); empty when nothing is.
     */
    public static Optional<FieldViolation> birthDateViolation(String field, LocalDate birthDate, LocalDate today) {
        if (birthDate.isAfter(today)) {
            return Optional.of(FieldViolation.of(field, "past"));
        }
        if (birthDate.isBefore(today.minusYears(OLDEST_AGE))) {
            return Optional.of(FieldViolation.of(field, "birth_too_early", OLDEST_AGE));
        }
        return Optional.empty();
    }
}

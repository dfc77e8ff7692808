package mx.gob.inm.preregistro.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;

class CalendarDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    @DisplayName("R-SEC a day is yyyy-MM-dd: four digits of year and no sign (LocalDate.parse takes +999999999-12-31, which a MongoDB date cannot hold)")
    void fourDigitsOfYear() {
        assertThat(CalendarDate.parse("2026-06-15")).contains(TODAY);
        assertThat(CalendarDate.parse(" 2026-06-15 ")).contains(TODAY);
        assertThat(CalendarDate.parse("0001-01-01")).contains(LocalDate.of(1, 1, 1));
        for (String notADay : new String[] {"+999999999-12-31", "-999999999-01-01", "+2026-06-15", "-0001-01-01",
                "10000-01-01", "2026-6-15", "2026-02-30", "2026-13-01", "15/06/2026", "2026-06-15T00:00", "",
                "٢٠٢٦-٠٦-١٥"}) {
            assertThat(CalendarDate.parse(notADay)).as(notADay).isEmpty();
        }
    }

    @Test
    @DisplayName("R-ACC-1 R-DOC-4 a birth date is in the past and at most 130 years before today")
    void birthDateOfALivingPerson() {
        assertThat(CalendarDate.birthDateViolation("birthDate", TODAY, TODAY)).isEmpty();
        assertThat(CalendarDate.birthDateViolation("birthDate", LocalDate.of(1896, 6, 15), TODAY)).isEmpty();
        assertThat(CalendarDate.birthDateViolation("birthDate", LocalDate.of(1896, 6, 14), TODAY))
                .contains(FieldViolation.of("birthDate", "birth_too_early", 130));
        assertThat(CalendarDate.birthDateViolation("birthDate", TODAY.plusDays(1), TODAY))
                .contains(FieldViolation.of("birthDate", "past"));
    }
}

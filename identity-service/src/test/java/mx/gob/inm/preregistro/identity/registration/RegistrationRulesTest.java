package mx.gob.inm.preregistro.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.identity.account.AccountProperties;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;

class RegistrationRulesTest {

    /** 2026-06-15 in Mexico City (UTC-6): 03:00 UTC on the 16th is still the 15th there. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-16T03:00:00Z"), ZoneOffset.UTC);
    private static final RegistrationRules RULES = new RegistrationRules(CLOCK, new AccountProperties(
            Duration.ofHours(72), 18, ZoneId.of("America/Mexico_City"), "http://localhost:8080",
            Duration.ofMinutes(60), 10));

    static RegistrationRequest valid() {
        return new RegistrationRequest("Ana María", "Ruiz", "Gómez", "COL", "1990-04-02", "F", "ana@example.co",
                "ana@example.co", "Viajero#2026", "Viajero#2026", true, "c1", "K7PQ2X", "es");
    }

    private static RegistrationRequest withBirthDate(String birthDate) {
        RegistrationRequest v = valid();
        return new RegistrationRequest(v.givenNames(), v.firstSurname(), v.secondSurname(), v.nationality(), birthDate,
                v.sex(), v.email(), v.emailConfirmation(), v.password(), v.passwordConfirmation(), v.privacyAccepted(),
                v.captchaId(), v.captchaAnswer(), v.language());
    }

    private static List<String> errors(RegistrationRequest form) {
        return RULES.check(form).stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    @DisplayName("R-ACC-1 a complete, valid form passes every rule (second surname and language optional)")
    void validForm() {
        RegistrationRequest v = valid();
        assertThat(errors(v)).isEmpty();
        assertThat(errors(new RegistrationRequest(v.givenNames(), v.firstSurname(), null, v.nationality(),
                v.birthDate(), "X", v.email(), "ANA@example.co", v.password(), v.passwordConfirmation(), true,
                v.captchaId(), v.captchaAnswer(), null))).isEmpty();
    }

    private static RegistrationRequest withNames(String givenNames, String firstSurname, String secondSurname) {
        RegistrationRequest v = valid();
        return new RegistrationRequest(givenNames, firstSurname, secondSurname, v.nationality(), v.birthDate(),
                v.sex(), v.email(), v.emailConfirmation(), v.password(), v.passwordConfirmation(), v.privacyAccepted(),
                v.captchaId(), v.captchaAnswer(), v.language());
    }

    @Test
    @DisplayName("R-ACC-1 names are plain text: NUL, line breaks, direction overrides and half surrogate pairs are refused; accents, combining marks and emoji are not")
    void namesArePlainText() {
        assertThat(errors(withNames("Ana\u0000María", "Ruiz\nX", "Gómez\u202Ezeróg"))).containsExactlyInAnyOrder(
                "givenNames:format", "firstSurname:format", "secondSurname:format");
        assertThat(errors(withNames("Ana\uD800", "Ruiz\u2066", "G\uDC00"))).containsExactlyInAnyOrder(
                "givenNames:format", "firstSurname:format", "secondSurname:format");
        assertThat(errors(withNames("Jose\u0301 María", "Ñúñez", "O'Brien-Smith \uD83D\uDE00"))).isEmpty();
        assertThat(errors(withNames("A" + "\u0301".repeat(10_000), "Ruiz", null))).containsExactly("givenNames:length");
    }

    @Test
    @DisplayName("R-ACC-1 every required field left empty gets its own 'required' error")
    void requiredFields() {
        assertThat(errors(new RegistrationRequest(null, " ", null, null, null, null, null, null, null, null, null,
                null, null, null))).containsExactlyInAnyOrder("givenNames:required", "firstSurname:required",
                "nationality:required", "birthDate:required", "sex:required", "email:required",
                "emailConfirmation:required", "password:required", "passwordConfirmation:required",
                "privacyAccepted:must_accept", "captchaId:required", "captchaAnswer:required");
    }

    @Test
    @DisplayName("R-ACC-2 a person under 18 by one day on the day of creation is refused on field birthDate")
    void underAgeByOneDay() {
        assertThat(errors(withBirthDate("2008-06-16"))).containsExactly("birthDate:under_age");
        assertThat(RULES.check(withBirthDate("2008-06-16")).get(0)).isEqualTo(
                FieldViolation.of("birthDate", "under_age", 18));
    }

    @Test
    @DisplayName("R-ACC-2 a person who turns 18 today (Mexico City date) is accepted")
    void exactlyEighteenToday() {
        assertThat(errors(withBirthDate("2008-06-15"))).isEmpty();
    }

    @Test
    @DisplayName("R-ACC-1 birth date must be an ISO date in the past")
    void birthDateFormat() {
        assertThat(errors(withBirthDate("15/06/1990"))).containsExactly("birthDate:format");
        assertThat(errors(withBirthDate("2027-01-01"))).containsExactly("birthDate:past");
    }

    @Test
    @DisplayName("R-ACC-1 a birth date of a year with a sign or more than four digits is a format error, and one more than 130 years ago is refused: no living person has it")
    void birthDateOfALivingPerson() {
        // LocalDate.parse takes these; the account kept them, and the year -999999999 was shown as a birth date
        assertThat(errors(withBirthDate("-999999999-01-01"))).containsExactly("birthDate:format");
        assertThat(errors(withBirthDate("+999999999-12-31"))).containsExactly("birthDate:format");
        assertThat(errors(withBirthDate("+1990-04-02"))).containsExactly("birthDate:format");
        assertThat(errors(withBirthDate("0001-01-01"))).containsExactly("birthDate:birth_too_early");
        assertThat(RULES.check(withBirthDate("1896-06-14"))).containsExactly(
                FieldViolation.of("birthDate", "birth_too_early", 130));
        assertThat(errors(withBirthDate("1896-06-15"))).isEmpty();
        assertThat(errors(withBirthDate(" 1990-04-02 "))).isEmpty();
    }

    @Test
    @DisplayName("R-ACC-1 e-mail format, e-mail and password confirmations, sex, nationality, privacy notice")
    void fieldRules() {
        RegistrationRequest v = valid();
        assertThat(errors(new RegistrationRequest(v.givenNames(), v.firstSurname(), v.secondSurname(), "col",
                v.birthDate(), "Z", "ana@", "otra@example.co", v.password(), "Viajero#2027", false,
                v.captchaId(), v.captchaAnswer(), "fr"))).containsExactlyInAnyOrder("nationality:format", "sex:invalid",
                "email:email", "emailConfirmation:email_mismatch", "passwordConfirmation:password_mismatch",
                "privacyAccepted:must_accept", "language:invalid");
    }

    @Test
    @DisplayName("R-ACC-3 the form's password gets one error per broken rule, on field password")
    void passwordRules() {
        RegistrationRequest v = valid();
        assertThat(errors(new RegistrationRequest(v.givenNames(), v.firstSurname(), v.secondSurname(),
                v.nationality(), v.birthDate(), v.sex(), v.email(), v.emailConfirmation(), "contraseña", "contraseña",
                true, v.captchaId(), v.captchaAnswer(), v.language()))).containsExactlyInAnyOrder(
                "password:password_digit", "password:password_upper", "password:password_special",
                "password:password_forbidden_chars");
    }
}

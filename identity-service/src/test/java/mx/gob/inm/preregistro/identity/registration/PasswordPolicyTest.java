package mx.gob.inm.preregistro.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;

class PasswordPolicyTest {

    private static List<String> codes(String password) {
        return PasswordPolicy.check("password", password).stream().map(FieldViolation::code).toList();
    }

    @Test
    @DisplayName("R-ACC-3 a password with 8 characters, digit, upper, lower and one of !@#$%^&* is accepted")
    void good() {
        assertThat(codes("Viajero#2026")).isEmpty();
        assertThat(codes("aB3!aB3!")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Ab1!xyz, password_length",
            "Viajero#Dos, password_digit",
            "viajero#2026, password_upper",
            "VIAJERO#2026, password_lower",
            "Viajero2026, password_special",
            "Viajero#2026., password_forbidden_chars",
            "Viajeño#2026, password_forbidden_chars",
            "VIAJEÑO#2026a, password_forbidden_chars",
            "Viajero#20 26, password_forbidden_chars",
            "Viajero#2026+, password_forbidden_chars"})
    @DisplayName("R-ACC-3 each broken rule gives its own error on field password ('.', 'ñ', 'Ñ' refused)")
    void eachRuleItsOwnError(String password, String code) {
        assertThat(codes(password)).containsExactly(code);
        assertThat(PasswordPolicy.check("password", password)).allMatch(v -> v.field().equals("password"));
    }

    @Test
    @DisplayName("R-ACC-3 a password breaking several rules gets one error per rule")
    void severalRules() {
        assertThat(codes("abc.")).containsExactlyInAnyOrder("password_length", "password_digit", "password_upper",
                "password_special", "password_forbidden_chars");
    }
}

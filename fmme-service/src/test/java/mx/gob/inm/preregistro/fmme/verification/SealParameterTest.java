package mx.gob.inm.preregistro.fmme.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

class SealParameterTest {

    @Test
    @DisplayName("R-FMM-5 the seal is read from the query as form-encoded UTF-8: + is a space, escapes decoded, other parameters ignored")
    void decodesTheSeal() {
        assertThat(SealParameter.from("seal=NCF%3A6BF+%2B%25%2FA")).hasValue("NCF:6BF +%/A");
        assertThat(SealParameter.from("lang=es&seal=AB&seal=CD")).hasValue("AB");
        assertThat(SealParameter.from("seal%5B%24ne%5D=x")).isEmpty();
        assertThat(SealParameter.from("seal")).hasValue("");
        assertThat(SealParameter.from(null)).isEmpty();
    }

    @Test
    @DisplayName("R-FMM-5 a seal whose escapes are not UTF-8 or are broken is refused naming seal")
    void refusesWhatIsNotUtf8() {
        for (String query : new String[] {"seal=%C3%28", "seal=%FF", "seal=%ED%A0%80", "seal=%C3", "seal=%G1",
                "seal=AB%2", "seal=Ã"}) {
            assertThatThrownBy(() -> SealParameter.from(query)).as(query)
                    .isInstanceOfSatisfying(ValidationFailedException.class,
                            e -> assertThat(e.violations()).extracting("field").containsExactly("seal"));
        }
    }
}

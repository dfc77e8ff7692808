package mx.gob.inm.preregistro.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    @DisplayName("R-FMM-5 percent escapes and + decode as UTF-8 form values")
    void decodesFormEncoding() {
        assertThat(QueryParameters.decode("NCF%3A6BF+%2B%25%2FA")).hasValue("NCF:6BF +%/A");
        assertThat(QueryParameters.decode("%C3%B1")).hasValue("ñ");
        assertThat(QueryParameters.decode("")).hasValue("");
    }

    @Test
    @DisplayName("R-FMM-5 escapes that are not UTF-8, broken escapes and raw non-ASCII do not decode")
    void refusesWhatIsNotUtf8() {
        for (String value : new String[] {"%C3%28", "%FF", "%ED%A0%80", "%C3", "%G1", "AB%2", "Ã"}) {
            assertThat(QueryParameters.decode(value)).as(value).isEmpty();
        }
    }

    @Test
    @DisplayName("the parameter named is the first that does not decode; query when its name does not, or nothing does")
    void namesTheFirstUndecodable() {
        assertThat(QueryParameters.firstUndecodable("lang=es&seal=%C3%28&other=%FF")).isEqualTo("seal");
        assertThat(QueryParameters.firstUndecodable("%FF=1&seal=%FF")).isEqualTo("query");
        assertThat(QueryParameters.firstUndecodable("a%3Cscript%3E=%FF")).isEqualTo("query");
        assertThat(QueryParameters.firstUndecodable("seal=AB")).isEqualTo("query");
        assertThat(QueryParameters.firstUndecodable(null)).isEqualTo("query");
    }
}

package mx.gob.inm.preregistro.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MrzParserTest {

    private static final String LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private static final String LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    @Test
    @DisplayName("R-DOC-4 check digits use the weights 7-3-1 (ICAO 9303 examples)")
    void checkDigits() {
        assertThat(CheckDigit.of("L898902C3")).isEqualTo(6);
        assertThat(CheckDigit.of("740812")).isEqualTo(2);
        assertThat(CheckDigit.of("120415")).isEqualTo(9);
        assertThat(CheckDigit.of("ZE184226B<<<<<")).isEqualTo(1);
        assertThat(CheckDigit.of("520727")).isEqualTo(3);
    }

    @Test
    @DisplayName("R-DOC-4 the ICAO 9303 TD3 specimen is read field by field with every check digit valid")
    void td3Specimen() {
        MrzReading reading = MrzParser.parse(LINE1, LINE2);

        assertThat(reading.format()).isEqualTo(MrzFormat.TD3);
        assertThat(reading.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "documentType", "P", "issuingState", "UTO", "surname", "ERIKSSON", "givenNames", "ANNA MARIA",
                "documentNumber", "L898902C3", "nationality", "UTO", "birthDate", "740812", "sex", "F",
                "expiryDate", "120415", "personalNumber", "ZE184226B"));
        assertThat(reading.checks()).containsOnlyKeys("documentNumber", "birthDate", "expiryDate",
                "personalNumber", "composite").doesNotContainValue(false);
        assertThat(reading.unreadable()).isEmpty();
        assertThat(reading.lines()).containsExactly(LINE1, LINE2);
        assertThat(reading.complete()).isTrue();
    }

    @Test
    @DisplayName("R-DOC-4 typical OCR confusions are undone by the type of each position (O/0, I/1, B/8, S/5, Z/2, G/6)")
    void typeAwareCorrection() {
        MrzReading reading = MrzParser.parse("P<UT0ER1KSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
                "L898902C36UT0740B1Z2F12O4I59ZE184226B<<<<<1O");

        assertThat(reading.fields()).containsEntry("issuingState", "UTO").containsEntry("surname", "ERIKSSON")
                .containsEntry("givenNames", "ANNA MARIA").containsEntry("nationality", "UTO")
                .containsEntry("birthDate", "740812").containsEntry("expiryDate", "120415");
        assertThat(reading.complete()).isTrue();
        assertThat(reading.lines()).containsExactly(LINE1, LINE2);
    }

    @Test
    @DisplayName("R-DOC-4 fillers misread as K, C, E or L after the names are restored")
    void fillersMisread() {
        MrzReading reading = MrzParser.parse("P<UTOERIKSSON<<ANNA<MARIA<<<K<<C<<<E<<L<<<KK", LINE2);

        assertThat(reading.fields()).containsEntry("givenNames", "ANNA MARIA");
        assertThat(reading.lines().get(0)).isEqualTo(LINE1);
    }

    @Test
    @DisplayName("R-DOC-4 an alphanumeric field is corrected only when exactly one confusion candidate satisfies its check digit")
    void checkDigitChoosesCandidate() {
        // the document number read with O for 0: only the 0 reading satisfies the check digit 6
        MrzReading reading = MrzParser.parse(LINE1, "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10");

        assertThat(reading.fields()).containsEntry("documentNumber", "L898902C3");
        assertThat(reading.checks()).containsEntry("documentNumber", true).containsEntry("composite", true);
    }

    @Test
    @DisplayName("R-DOC-4 a field that fails its check digit is unreadable, never guessed")
    void failedFieldIsUnreadable() {
        MrzReading reading = MrzParser.parse(LINE1, "L898902C36UTO7408172F1204159ZE184226B<<<<<10");

        assertThat(reading.unreadable()).contains("birthDate");
        assertThat(reading.fields()).doesNotContainKey("birthDate");
        assertThat(reading.checks()).containsEntry("birthDate", false);
        assertThat(reading.fields()).containsEntry("documentNumber", "L898902C3");
    }

    @Test
    @DisplayName("R-DOC-4 an impossible date or an unknown country code is unreadable even without a check digit failure")
    void impossibleValues() {
        MrzReading reading = MrzParser.parse("P<QQQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", LINE2);

        assertThat(reading.unreadable()).containsExactly("issuingState");
        assertThat(MrzDates.isValid("741301")).isFalse();
        assertThat(MrzDates.isValid("000229")).isTrue();
    }

    @Test
    @DisplayName("R-DOC-4 letters after the names that cannot be fillers make the given names unreadable")
    void garbageAfterNames() {
        MrzReading reading = MrzParser.parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<RW<<<<<<", LINE2);

        assertThat(reading.fields()).containsEntry("surname", "ERIKSSON").doesNotContainKey("givenNames");
        assertThat(reading.unreadable()).containsExactly("givenNames");
    }

    @Test
    @DisplayName("R-DOC-4 TD1 (3 x 30, residence cards) is parsed with its check digits (ICAO 9303 part 5 specimen)")
    void td1Specimen() {
        MrzReading reading = MrzParser.parse("I<UTOD231458907<<<<<<<<<<<<<<<",
                "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        assertThat(reading.format()).isEqualTo(MrzFormat.TD1);
        assertThat(reading.fields()).containsEntry("documentType", "I").containsEntry("documentNumber", "D23145890")
                .containsEntry("birthDate", "740812").containsEntry("expiryDate", "120415")
                .containsEntry("nationality", "UTO").containsEntry("surname", "ERIKSSON")
                .containsEntry("givenNames", "ANNA MARIA").containsEntry("personalNumber", "");
        assertThat(reading.complete()).isTrue();
    }

    @Test
    @DisplayName("R-DOC-4 the OCR's alternative readings are tried where a check digit fails")
    void ocrAlternatives() {
        String misread = "L898902C36UTO7408122F1204159ZE184226B<<<<<10".replace("ZE184226B", "ZE184326B");
        List<String> line2Alternatives = new ArrayList<>(Collections.nCopies(44, ""));
        line2Alternatives.set(33, "2");
        MrzReading reading = MrzParser.parse(new MrzText(List.of(LINE1, misread),
                List.of(List.of(), line2Alternatives)));

        assertThat(reading.fields()).containsEntry("personalNumber", "ZE184226B");
        assertThat(reading.complete()).isTrue();
    }

    @Test
    @DisplayName("R-DOC-4 a U that may be a 0 (same check value) is unreadable, never returned as a guess")
    void checkBlindConfusionIsUnreadable() {
        MrzReading reading = MrzParser.parse(weighed(Map.of("1:5", cell("0U", 0.5f, 0.8f))));

        assertThat(reading.fields()).doesNotContainKey("documentNumber").containsEntry("birthDate", "740812");
        assertThat(reading.unreadable()).containsExactly("documentNumber");
    }

    @Test
    @DisplayName("R-DOC-4 the one weighed reading that satisfies the check digit is taken when the cheapest fails it")
    void weighedCorrection() {
        MrzReading reading = MrzParser.parse(weighed(Map.of("1:2", cell("79", 0f, 1f))));

        assertThat(reading.fields()).containsEntry("documentNumber", "L898902C3");
        assertThat(reading.complete()).isTrue();
    }

    @Test
    @DisplayName("R-DOC-4 a name character the recognitions cannot decide makes that part unreadable")
    void doubtfulNameIsUnreadable() {
        MrzReading reading = MrzParser.parse(weighed(Map.of("0:8", cell("KX", 0f, 0.5f))));

        assertThat(reading.unreadable()).containsExactly("surname");
        assertThat(reading.fields()).containsEntry("givenNames", "ANNA MARIA");
    }

    /** The specimen as an OCR that weighs its readings would give it: every cell sure, but the ones given. */
    private static MrzText weighed(Map<String, MrzText.CellReadings> doubts) {
        List<String> lines = List.of(LINE1, LINE2);
        List<List<MrzText.CellReadings>> readings = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            List<MrzText.CellReadings> cells = new ArrayList<>();
            for (int i = 0; i < lines.get(l).length(); i++) {
                cells.add(doubts.getOrDefault(l + ":" + i, cell(String.valueOf(lines.get(l).charAt(i)), 0f)));
            }
            readings.add(cells);
        }
        return new MrzText(lines, List.of(), readings);
    }

    private static MrzText.CellReadings cell(String characters, float... costs) {
        return new MrzText.CellReadings(characters, costs);
    }
}

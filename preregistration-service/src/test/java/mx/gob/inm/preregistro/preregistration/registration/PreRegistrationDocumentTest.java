package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;

/**
 * The pre-registration's document written and read by hand ({@link PreRegistrationDocument}) is the one Spring
 * Data's mapping of the aggregate writes and reads, with the service's own converter: a stored pre-registration of
 * before reads the same, and every other reader of the collection finds the fields it knew.
 */
class PreRegistrationDocumentTest extends PreRegistrationIntegrationTest {

    static List<PreRegistration.State> states() {
        Instant at = Instant.parse("2026-12-06T15:04:05.123Z");
        PreRegistration.State decided = new PreRegistration.State("0b7e4c1e-5d0a-4f7e-9a51-3c1f2f0d9a11", "account-1",
                "9d0e6f6c-0f63-4d8a-8a4e-2d8b8f0b1c22", PreRegistrationVariant.NUE, "12345678", "SRE12345",
                PreRegistration.Status.REJECTED,
                new TravelData(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 20), "CUN", "AV", "AV254", "COL",
                        "Bogotá", "TURISMO"),
                new AdditionalData("HOTEL", "Hotel Caribe", "Blvd. Kukulcán km 9", "Cancún", "Quintana Roo", "77500",
                        "+529981234567", "Ingeniera"),
                Map.of("q1", false, "q2", true),
                Map.of("EXIT_TICKET", new StoredAttachment("65f0c0ffee0000000000abcd", "boleto.png", "image/png",
                        2_097_152L, at)),
                new Holder("P", "AB1234567", "COL", "COL", "RESTREPO GÓMEZ", "ANA LUCÍA", LocalDate.of(1990, 4, 12),
                        Sex.F),
                "ana@example.co", Language.en, List.of("R3", "R7"), at.plusSeconds(10_800), "another-id", at,
                at.plusSeconds(60), at.plusSeconds(120), List.of(at.plusSeconds(90), at.plusSeconds(150)), 7L);
        PreRegistration.State draft = new PreRegistration.State("1c8f5d2f-6e1b-4a8f-8b62-4d2a3a1e0b33", "account-2",
                "ae1f7a7d-1a74-4e9b-9b5f-3e9c9a1c2d44", PreRegistrationVariant.NO_NUE, null, null,
                PreRegistration.Status.DRAFT, null, null, null, Map.of(), null, null, null, null, null, null, at, null,
                null, List.of(), 0L);
        return List.of(decided, draft);
    }

    @ParameterizedTest
    @MethodSource("states")
    @DisplayName("R-PRE-3 R-PRE-12 a pre-registration's document, decided or a bare draft, is the one the mapping writes")
    void writesWhatTheMappingWrites(PreRegistration.State state) {
        PreRegistration pre = PreRegistration.restore(state);
        Document mapped = new Document();
        mongo.getConverter().write(pre, mapped);
        mapped.remove("_class");

        Document written = PreRegistrationDocument.inserted(pre);
        assertThat(written.remove("outbox")).isEqualTo(List.of());
        assertThat(written).isEqualTo(mapped);
        assertThat(PreRegistrationDocument.state(pre)).isEqualTo(without(mapped, "_id"));
    }

    @ParameterizedTest
    @MethodSource("states")
    @DisplayName("R-PRE-3 R-PRE-12 the mapping's document reads back as the same pre-registration")
    void readsWhatTheMappingWrites(PreRegistration.State state) {
        Document mapped = new Document();
        mongo.getConverter().write(PreRegistration.restore(state), mapped);

        assertThat(PreRegistrationDocument.read(mapped).state()).isEqualTo(state);
        assertThat(mongo.getConverter().read(PreRegistration.class, PreRegistrationDocument.inserted(
                PreRegistration.restore(state))).state()).isEqualTo(state);
    }

    private static Document without(Document document, String field) {
        Document copy = new Document(document);
        copy.remove(field);
        return copy;
    }
}

package mx.gob.inm.preregistro.preregistration.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.preregistration.ConfiguredProperties;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;

/** Each rule of R-PRE-8 on its own, against the configuration the service ships with. */
class DecisionRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final LocalDate ENTRY = TODAY.plusDays(10);
    private final PreRegistrationProperties properties = ConfiguredProperties.load();
    private final DecisionRules rules = new DecisionRules(properties);

    private static Map<String, Boolean> answers(boolean deported) {
        Map<String, Boolean> answers = new HashMap<>(Map.of("REFUSED_ENTRY", false, "CRIMINAL_RECORD", false,
                "VISA_DENIED", false, "OVERSTAY", false));
        answers.put("DEPORTED", deported);
        return answers;
    }

    /** An eligible variant III traveller; each test changes one fact. */
    private static DecisionInput eligible() {
        return new DecisionInput(PreRegistrationVariant.NO_NUE, true, "COL", DocumentClassification.ORDINARY,
                LocalDate.parse("2031-01-01"), ENTRY, ENTRY.plusDays(14), "TURISMO", answers(false),
                Set.of("EXIT_TICKET", "LODGING", "ITINERARY"), TODAY);
    }

    private static DecisionInput with(DecisionInput in, PreRegistrationVariant variant, boolean usable,
            String nationality, DocumentClassification classification, LocalDate expiry, LocalDate entry,
            LocalDate exit, String purpose, Map<String, Boolean> answers, Set<String> slots) {
        return new DecisionInput(variant, usable, nationality, classification, expiry, entry, exit, purpose, answers,
                slots, in.today());
    }

    private void assertFailsOnly(DecisionInput input, RuleId rule) {
        assertThat(rules.decide(input).failedRules()).containsExactly(rule.name());
    }

    @Test
    @DisplayName("R-PRE-8 every rule has a configuration entry with an operator explanation")
    void everyRuleConfigured() {
        for (RuleId id : RuleId.values()) {
            assertThat(properties.rules().get(id.name()).enabled()).as(id.name()).isTrue();
            assertThat(rules.explanation(id)).as(id.name()).isNotBlank();
        }
    }

    @Test
    @DisplayName("R-PRE-8 an eligible traveller of each variant is approved")
    void eligibleApproved() {
        assertThat(rules.decide(eligible()).approved()).isTrue();
        DecisionInput in = eligible();
        assertThat(rules.decide(with(in, PreRegistrationVariant.NUE, true, "COL", DocumentClassification.ORDINARY,
                in.documentExpiry(), ENTRY, ENTRY.plusDays(300), "TRABAJO_REMUNERADO", answers(false),
                Set.of("EXIT_TICKET", "LODGING"))).approved()).as("variant I: no stay limit, no visa purpose rule")
                .isTrue();
        assertThat(rules.decide(with(in, PreRegistrationVariant.DIPLOMATIC, true, "COL",
                DocumentClassification.DIPLOMATIC, in.documentExpiry(), ENTRY, ENTRY.plusDays(20), "NEGOCIOS",
                answers(false), Set.of("SRE_CARD"))).approved()).isTrue();
    }

    @Test
    @DisplayName("R-PRE-8 DOCUMENT_VALID_COLOMBIAN: a non-Colombian or unusable document is rejected")
    void documentValidColombian() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "MEX", in.classification(), in.documentExpiry(), ENTRY,
                in.exitDate(), in.purpose(), in.answers(), in.attachedSlots()), RuleId.DOCUMENT_VALID_COLOMBIAN);
        assertFailsOnly(with(in, in.variant(), false, "COL", in.classification(), in.documentExpiry(), ENTRY,
                in.exitDate(), in.purpose(), in.answers(), in.attachedSlots()), RuleId.DOCUMENT_VALID_COLOMBIAN);
    }

    @Test
    @DisplayName("R-PRE-8 VARIANT_MATCHES_CLASSIFICATION: variant II needs a diplomatic passport and vice versa")
    void variantMatchesClassification() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, PreRegistrationVariant.DIPLOMATIC, true, "COL", DocumentClassification.ORDINARY,
                in.documentExpiry(), ENTRY, in.exitDate(), in.purpose(), in.answers(), Set.of("SRE_CARD")),
                RuleId.VARIANT_MATCHES_CLASSIFICATION);
        assertFailsOnly(with(in, PreRegistrationVariant.NO_NUE, true, "COL", DocumentClassification.DIPLOMATIC,
                in.documentExpiry(), ENTRY, in.exitDate(), in.purpose(), in.answers(), in.attachedSlots()),
                RuleId.VARIANT_MATCHES_CLASSIFICATION);
    }

    @Test
    @DisplayName("R-PRE-8 PASSPORT_VALID_THROUGH_EXIT: a passport expiring before the exit date is rejected")
    void passportValidThroughExit() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.exitDate().minusDays(1), ENTRY,
                in.exitDate(), in.purpose(), in.answers(), in.attachedSlots()), RuleId.PASSPORT_VALID_THROUGH_EXIT);
    }

    @Test
    @DisplayName("R-PRE-5 EXIT_AFTER_ENTRY: an exit on or before the entry date is rejected")
    void exitAfterEntry() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(), ENTRY, ENTRY,
                in.purpose(), in.answers(), in.attachedSlots()), RuleId.EXIT_AFTER_ENTRY);
    }

    @Test
    @DisplayName("R-PRE-5 STAY_WITHIN_LIMIT: variant III exit at 180 days passes, at 181 days is rejected")
    void stayWithinLimit() {
        DecisionInput in = eligible();
        assertThat(rules.decide(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(), ENTRY,
                ENTRY.plusDays(180), in.purpose(), in.answers(), in.attachedSlots())).approved()).isTrue();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(), ENTRY,
                ENTRY.plusDays(181), in.purpose(), in.answers(), in.attachedSlots()), RuleId.STAY_WITHIN_LIMIT);
    }

    @Test
    @DisplayName("R-PRE-8 ENTRY_DATE_WINDOW: an entry in the past or beyond 90 days is rejected")
    void entryDateWindow() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(),
                TODAY.minusDays(1), TODAY.plusDays(5), in.purpose(), in.answers(), in.attachedSlots()),
                RuleId.ENTRY_DATE_WINDOW);
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(),
                TODAY.plusDays(91), TODAY.plusDays(100), in.purpose(), in.answers(), in.attachedSlots()),
                RuleId.ENTRY_DATE_WINDOW);
        assertThat(rules.decide(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(),
                TODAY, TODAY.plusDays(5), in.purpose(), in.answers(), in.attachedSlots())).approved()).isTrue();
    }

    @Test
    @DisplayName("R-PRE-8 PURPOSE_WITHOUT_VISA: variant III travelling for paid work is rejected")
    void purposeWithoutVisa() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(), ENTRY,
                in.exitDate(), "TRABAJO_REMUNERADO", in.answers(), in.attachedSlots()), RuleId.PURPOSE_WITHOUT_VISA);
    }

    @Test
    @DisplayName("R-PRE-8 CONTROL_ANSWERS_ACCEPTABLE: a 'yes' to a Control Migratorio question is rejected")
    void controlAnswers() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(), ENTRY,
                in.exitDate(), in.purpose(), answers(true), in.attachedSlots()), RuleId.CONTROL_ANSWERS_ACCEPTABLE);
    }

    @Test
    @DisplayName("R-PRE-4 ATTACHMENTS_PRESENT: a missing required file is rejected")
    void attachmentsPresent() {
        DecisionInput in = eligible();
        assertFailsOnly(with(in, in.variant(), true, "COL", in.classification(), in.documentExpiry(), ENTRY,
                in.exitDate(), in.purpose(), in.answers(), Set.of("EXIT_TICKET", "LODGING")),
                RuleId.ATTACHMENTS_PRESENT);
    }
}

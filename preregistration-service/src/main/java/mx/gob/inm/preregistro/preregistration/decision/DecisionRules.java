package mx.gob.inm.preregistro.preregistration.decision;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;

/**
 * The explicit rules that approve or reject a pre-registration (R-PRE-8). Each rule has an id ({@link RuleId}), a
 * configuration entry (on/off and the explanation operators read) and a test of its own; every enabled rule is
 * evaluated, so an operator sees all the reasons, the traveller none. A rule without configuration stops the
 * service at start-up.
 */
@Component
public class DecisionRules {

    private final PreRegistrationProperties properties;
    private final Map<RuleId, Predicate<DecisionInput>> rules = new EnumMap<>(RuleId.class);

    public DecisionRules(PreRegistrationProperties properties) {
        this.properties = properties;
        rules.put(RuleId.DOCUMENT_VALID_COLOMBIAN, in -> in.documentUsable()
                && properties.eligibleNationalities().contains(in.nationality()));
        rules.put(RuleId.VARIANT_MATCHES_CLASSIFICATION, in -> in.classification() != null
                && (in.variant() == PreRegistrationVariant.DIPLOMATIC)
                        == (in.classification() == DocumentClassification.DIPLOMATIC));
        rules.put(RuleId.PASSPORT_VALID_THROUGH_EXIT, in -> in.documentExpiry() != null
                && !in.documentExpiry().isBefore(in.exitDate()));
        rules.put(RuleId.EXIT_AFTER_ENTRY, in -> in.exitDate().isAfter(in.entryDate()));
        rules.put(RuleId.STAY_WITHIN_LIMIT, in -> in.variant() != PreRegistrationVariant.NO_NUE
                || ChronoUnit.DAYS.between(in.entryDate(), in.exitDate()) <= properties.maxStay().toDays());
        rules.put(RuleId.ENTRY_DATE_WINDOW, in -> !in.entryDate().isBefore(in.today())
                && !in.entryDate().isAfter(in.today().plusDays(properties.entryHorizon().toDays())));
        rules.put(RuleId.PURPOSE_WITHOUT_VISA, in -> in.variant() != PreRegistrationVariant.NO_NUE
                || properties.form().purpose(in.purpose()).map(purpose -> !purpose.visaRequired()).orElse(false));
        rules.put(RuleId.CONTROL_ANSWERS_ACCEPTABLE, in -> properties.form().questions().stream()
                .allMatch(question -> Boolean.FALSE.equals(in.answers().get(question.id()))));
        rules.put(RuleId.ATTACHMENTS_PRESENT, in -> in.attachedSlots()
                .containsAll(properties.form().slotsOf(in.variant())));
        for (RuleId id : RuleId.values()) {
            if (!properties.rules().containsKey(id.name())) {
                throw new IllegalStateException("preregistro.preregistration.rules." + id + " is not configured");
            }
        }
    }

    public Decision decide(DecisionInput input) {
        List<String> failed = new ArrayList<>();
        rules.forEach((id, holds) -> {
            if (properties.rules().get(id.name()).enabled() && !holds.test(input)) {
                failed.add(id.name());
            }
        });
        return new Decision(failed);
    }

    /** What operators read about a rule. */
    public String explanation(RuleId id) {
        return properties.rules().get(id.name()).explanation();
    }
}

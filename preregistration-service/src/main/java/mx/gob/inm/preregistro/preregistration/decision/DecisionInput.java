package mx.gob.inm.preregistro.preregistration.decision;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;

/**
 * The facts a decision is taken on, gathered at submission time.
 *
 * @param documentUsable  the document is known, validated and not expired today
 * @param nationality     the document's nationality, {@code null} when the document is unknown
 * @param classification  the document's classification, {@code null} when unknown
 * @param documentExpiry  the document's expiry date, {@code null} when unknown
 * @param answers         Control Migratorio answers by question id ({@code true} = yes)
 * @param attachedSlots   the slots that hold a file
 * @param today           today in the configured zone
 */
public record DecisionInput(
        PreRegistrationVariant variant,
        boolean documentUsable,
        String nationality,
        DocumentClassification classification,
        LocalDate documentExpiry,
        LocalDate entryDate,
        LocalDate exitDate,
        String purpose,
        Map<String, Boolean> answers,
        Set<String> attachedSlots,
        LocalDate today) {
}

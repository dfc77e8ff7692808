package mx.gob.inm.preregistro.preregistration.decision;

/**
 * The decision rules of R-PRE-8, by the id operators see in {@code PreRegistrationRejected.failedRules} and
 * configure under {@code preregistro.preregistration.rules.<id>} (switch and explanation). Never shown to the
 * traveller, who reads only the generic "No Cumple" message.
 */
public enum RuleId {
    DOCUMENT_VALID_COLOMBIAN,
    VARIANT_MATCHES_CLASSIFICATION,
    PASSPORT_VALID_THROUGH_EXIT,
    EXIT_AFTER_ENTRY,
    STAY_WITHIN_LIMIT,
    ENTRY_DATE_WINDOW,
    PURPOSE_WITHOUT_VISA,
    CONTROL_ANSWERS_ACCEPTABLE,
    ATTACHMENTS_PRESENT
}

package mx.gob.inm.preregistro.contracts.preregistration;

/** The three variants of a pre-registration (R-PRE-2). */
public enum PreRegistrationVariant {
    /** (I) The traveller has a NUE (temporary or permanent resident). */
    NUE,
    /** (II) Diplomatic document with an SRE accreditation card folio. */
    DIPLOMATIC,
    /** (III) No NUE. */
    NO_NUE
}

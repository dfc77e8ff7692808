package mx.gob.inm.preregistro.contracts;

import java.util.List;

/** Kafka topic names. The version is part of the name: an incompatible change goes to a new topic. */
public final class Topics {

    /** Accounts: registration, activation, recovery, closure. Producer: identity-service. */
    public static final String IDENTITY_ACCOUNTS = "identity.accounts.v1";
    /** Travel documents of an account. Producer: document-service. */
    public static final String DOCUMENTS = "documents.v1";
    /** Pre-registrations and their decisions. Producer: preregistration-service. */
    public static final String PREREGISTRATIONS = "preregistrations.v1";
    /** Issued and revoked FMME forms. Producer: fmme-service. */
    public static final String FMME = "fmme.v1";
    /** Outcome of e-mail deliveries. Producer: notification-service. */
    public static final String NOTIFICATIONS = "notifications.v1";
    /** PII-minimised boarding decisions for airline and airport systems. Producer: preregistration-service. */
    public static final String PARTNERS_DECISIONS = "partners.decisions.v1";

    private Topics() {
    }

    /** Every topic, in the order of the flow. */
    public static List<String> all() {
        return List.of(IDENTITY_ACCOUNTS, DOCUMENTS, PREREGISTRATIONS, FMME, NOTIFICATIONS, PARTNERS_DECISIONS);
    }
}

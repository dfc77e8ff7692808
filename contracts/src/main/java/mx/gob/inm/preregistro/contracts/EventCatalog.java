package mx.gob.inm.preregistro.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeletionRequested;
import mx.gob.inm.preregistro.contracts.documents.DocumentExpired;
import mx.gob.inm.preregistro.contracts.documents.DocumentRegistered;
import mx.gob.inm.preregistro.contracts.documents.DocumentRejected;
import mx.gob.inm.preregistro.contracts.documents.DocumentValidated;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssueFailed;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.fmme.FmmeRevoked;
import mx.gob.inm.preregistro.contracts.identity.AccountActivated;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.ExistingAccountRegistrationAttempted;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.contracts.preregistration.FmmeRecoveryRequested;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationAmended;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationCancelled;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationRejected;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationSubmitted;

/**
 * Every event of the system: its type name, payload class, topic, and where its JSON Schema and example live
 * on the classpath. A consumer reads the envelope's {@code type} and asks {@link #find(String)} for the class
 * to bind the payload to.
 */
public final class EventCatalog {

    /**
     * One event type.
     *
     * @param type            the envelope's {@code type}, the record's simple name
     * @param version         the envelope's {@code version}
     * @param payloadClass    the record the payload binds to
     * @param topic           the topic it is published on
     * @param schemaLocation  classpath location of the JSON Schema of the whole envelope
     * @param exampleLocation classpath location of an example envelope
     */
    public record Entry(
            String type,
            int version,
            Class<? extends DomainEvent> payloadClass,
            String topic,
            String schemaLocation,
            String exampleLocation) {
    }

    private static final Map<String, Entry> BY_TYPE = index(
            entry(Topics.IDENTITY_ACCOUNTS, AccountRegistered.class),
            entry(Topics.IDENTITY_ACCOUNTS, ExistingAccountRegistrationAttempted.class),
            entry(Topics.IDENTITY_ACCOUNTS, ActivationLinkRequested.class),
            entry(Topics.IDENTITY_ACCOUNTS, PasswordResetRequested.class),
            entry(Topics.IDENTITY_ACCOUNTS, AccountActivated.class),
            entry(Topics.IDENTITY_ACCOUNTS, PasswordChanged.class),
            entry(Topics.IDENTITY_ACCOUNTS, AccountClosed.class),
            entry(Topics.DOCUMENTS, DocumentRegistered.class),
            entry(Topics.DOCUMENTS, DocumentValidated.class),
            entry(Topics.DOCUMENTS, DocumentRejected.class),
            entry(Topics.DOCUMENTS, DocumentExpired.class),
            entry(Topics.DOCUMENTS, DocumentDeletionRequested.class),
            entry(Topics.DOCUMENTS, DocumentDeleted.class),
            entry(Topics.PREREGISTRATIONS, PreRegistrationSubmitted.class),
            entry(Topics.PREREGISTRATIONS, PreRegistrationApproved.class),
            entry(Topics.PREREGISTRATIONS, PreRegistrationRejected.class),
            entry(Topics.PREREGISTRATIONS, PreRegistrationCancelled.class),
            entry(Topics.PREREGISTRATIONS, PreRegistrationAmended.class),
            entry(Topics.PREREGISTRATIONS, FmmeRecoveryRequested.class),
            entry(Topics.PREREGISTRATIONS, DocumentWithdrawn.class),
            entry(Topics.FMME, FmmeIssued.class),
            entry(Topics.FMME, FmmeIssueFailed.class),
            entry(Topics.FMME, FmmeRevoked.class),
            entry(Topics.NOTIFICATIONS, NotificationSent.class),
            entry(Topics.NOTIFICATIONS, NotificationFailed.class),
            entry(Topics.PARTNERS_DECISIONS, BoardingDecisionPublished.class));

    private EventCatalog() {
    }

    /** Every entry, grouped by topic in the order of {@link Topics#all()}. */
    public static List<Entry> all() {
        return List.copyOf(BY_TYPE.values());
    }

    /** The entry for an envelope's {@code type}, or empty for a type this version of the contracts does not know. */
    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The entry of a payload class. */
    public static Entry of(Class<? extends DomainEvent> payloadClass) {
        return all().stream()
                .filter(entry -> entry.payloadClass().equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadClass.getName() + " is not in the catalog"));
    }

    /** The topic an event is published on. */
    public static String topicOf(DomainEvent event) {
        return of(event.getClass()).topic();
    }

    /** The entries published on a topic. */
    public static List<Entry> onTopic(String topic) {
        return all().stream().filter(entry -> entry.topic().equals(topic)).toList();
    }

    private static Entry entry(String topic, Class<? extends DomainEvent> payloadClass) {
        String type = payloadClass.getSimpleName();
        return new Entry(
                type,
                1,
                payloadClass,
                topic,
                "schemas/" + topic + "/" + type + ".schema.json",
                "examples/" + topic + "/" + type + ".json");
    }

    private static Map<String, Entry> index(Entry... entries) {
        Map<String, Entry> byType = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byType.put(entry.type(), entry) != null) {
                throw new IllegalStateException("duplicate event type " + entry.type());
            }
        }
        return byType;
    }
}

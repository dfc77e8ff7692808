package mx.gob.inm.preregistro.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
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
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.contracts.preregistration.FmmeRecoveryRequested;
import mx.gob.inm.preregistro.contracts.preregistration.Lodging;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationAmended;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationCancelled;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationRejected;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationSubmitted;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;

/** One event of every type, as a producer would build it: a diplomat from Medellín flying to Mexico City. */
final class SampleEvents {

    static final String ACCOUNT_ID = "0e7c2b9d-4a61-4f3e-9d8c-5b2a1f0e9d8c";
    static final String EMAIL = "juan.martinez@example.co";
    static final UUID DOCUMENT_ID = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    static final UUID PREREGISTRATION_ID = UUID.fromString("f0e1d2c3-b4a5-4968-8776-655443322110");
    static final Instant LINK_EXPIRY = Instant.parse("2025-12-01T09:00:00.250Z");

    private static final Trip TRIP = new Trip(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 30), "MEX", "AV", "AV204",
            "COL", "Medellín", "MISION_OFICIAL");

    private SampleEvents() {
    }

    static List<DomainEvent> all() {
        return List.of(
                new AccountRegistered(ACCOUNT_ID, EMAIL, "Juan Sebastián", "Martínez", Language.es,
                        "http://localhost:8080/cuenta/activar?token=abc123", LINK_EXPIRY),
                new ExistingAccountRegistrationAttempted(ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.es, false),
                new ActivationLinkRequested(ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.en,
                        "http://localhost:8080/cuenta/activar?token=def456", LINK_EXPIRY),
                new PasswordResetRequested(ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.es,
                        "http://localhost:8080/cuenta/restablecer?token=ghi789", LINK_EXPIRY),
                new AccountActivated(ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.es),
                new PasswordChanged(ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.es, PasswordChanged.Origin.ACCOUNT_MENU),
                new AccountClosed(ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.es),
                new DocumentRegistered(DOCUMENT_ID, ACCOUNT_ID, "PD", "COL", "DA0012345", "MARTINEZ OSORIO",
                        "JUAN SEBASTIAN", "COL", LocalDate.of(1984, 7, 9), Sex.M, LocalDate.of(2030, 8, 31),
                        DocumentClassification.DIPLOMATIC, null),
                new DocumentValidated(DOCUMENT_ID, ACCOUNT_ID, "PD", "COL", "COL", DocumentClassification.DIPLOMATIC,
                        LocalDate.of(2030, 8, 31)),
                new DocumentRejected(DOCUMENT_ID, ACCOUNT_ID, List.of("CHECK_DIGIT_MISMATCH", "EXPIRY_TOO_SOON")),
                new DocumentExpired(DOCUMENT_ID, ACCOUNT_ID, LocalDate.of(2030, 8, 31)),
                new DocumentDeletionRequested(DOCUMENT_ID, ACCOUNT_ID),
                new DocumentDeleted(DOCUMENT_ID, ACCOUNT_ID),
                new PreRegistrationSubmitted(PREREGISTRATION_ID, ACCOUNT_ID, DOCUMENT_ID, PreRegistrationVariant.DIPLOMATIC, TRIP),
                new PreRegistrationApproved(PREREGISTRATION_ID, ACCOUNT_ID, DOCUMENT_ID, PreRegistrationVariant.DIPLOMATIC,
                        new Traveller("MARTINEZ OSORIO", "JUAN SEBASTIAN", "PD", "DA0012345", "COL", "COL",
                                LocalDate.of(1984, 7, 9), Sex.M, "Diplomático"),
                        TRIP,
                        new Lodging("RESIDENCIA_OFICIAL", "Embajada de Colombia", "Paseo de la Reforma 379",
                                "Ciudad de México", "Ciudad de México", "06500", "+52 55 5525 0277"),
                        null, "SRE-2025-004512", EMAIL, Language.es),
                new PreRegistrationRejected(PREREGISTRATION_ID, ACCOUNT_ID, DOCUMENT_ID, TRIP.entryDate(),
                        List.of("ATTACHMENTS_COMPLETE"), Instant.parse("2025-11-24T18:00:00Z")),
                new PreRegistrationCancelled(PREREGISTRATION_ID, ACCOUNT_ID, DOCUMENT_ID, TRIP.entryDate(),
                        PreRegistrationCancelled.Reason.ACCOUNT_CLOSED, null),
                new PreRegistrationAmended(PREREGISTRATION_ID, ACCOUNT_ID, DOCUMENT_ID, LocalDate.of(2026, 1, 30), TRIP),
                new FmmeRecoveryRequested(PREREGISTRATION_ID, ACCOUNT_ID, EMAIL, Language.en),
                new DocumentWithdrawn(DOCUMENT_ID, ACCOUNT_ID),
                new FmmeIssued(PREREGISTRATION_ID, "FMME-20260202-000007", ACCOUNT_ID, EMAIL, "Juan Sebastián", Language.es,
                        TRIP.entryDate(), "http://localhost:8080/api/fmme/" + PREREGISTRATION_ID + "/fmme.pdf",
                        "http://localhost:8080/api/fmme/" + PREREGISTRATION_ID + "/qr.pdf", true),
                new FmmeIssueFailed(PREREGISTRATION_ID, ACCOUNT_ID, "GridFS no disponible"),
                new FmmeRevoked(PREREGISTRATION_ID, "FMME-20260202-000007", ACCOUNT_ID, FmmeRevoked.Reason.RESCHEDULED),
                new NotificationSent(UUID.fromString("5c4b3a29-1807-4f6e-9d5c-4b3a29180706"), NotificationKind.ACCOUNT_ACTIVATION,
                        UUID.fromString("6d5c4b3a-2918-4706-8e5d-4c3b2a190807"), "AccountRegistered", ACCOUNT_ID, EMAIL, 2),
                new NotificationFailed(UUID.fromString("7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908"), NotificationKind.QR_RECEIPT,
                        UUID.fromString("8f7e6d5c-4b3a-4928-a07f-6e5d4c3b2a19"), "FmmeIssued", PREREGISTRATION_ID.toString(),
                        EMAIL, 5, "Connection refused: localhost:3025"),
                new BoardingDecisionPublished(PREREGISTRATION_ID, BoardingDecisionPublished.documentHash("COL", "DA0012345"),
                        "COL", TRIP.entryDate(), "MEX", "AV", "AV204", BoardingDecisionPublished.Decision.CANCELLED));
    }

    /** The sample of a catalog entry's payload class. */
    static DomainEvent of(EventCatalog.Entry entry) {
        DomainEvent sample = BY_CLASS.get(entry.payloadClass());
        if (sample == null) {
            throw new IllegalStateException("no sample for " + entry.type() + ": add one to SampleEvents");
        }
        return sample;
    }

    /** The envelope's subject a producer sets: the account, or nothing on the partners topic. */
    static String subjectFor(EventCatalog.Entry entry) {
        return Topics.PARTNERS_DECISIONS.equals(entry.topic()) ? null : ACCOUNT_ID;
    }

    private static final Map<Class<?>, DomainEvent> BY_CLASS =
            all().stream().collect(Collectors.toMap(Object::getClass, Function.identity()));

    static Stream<EventCatalog.Entry> entries() {
        return EventCatalog.all().stream();
    }
}

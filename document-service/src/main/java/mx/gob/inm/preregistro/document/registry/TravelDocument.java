package mx.gob.inm.preregistro.document.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeletionRequested;
import mx.gob.inm.preregistro.contracts.documents.DocumentExpired;
import mx.gob.inm.preregistro.contracts.documents.DocumentRegistered;
import mx.gob.inm.preregistro.contracts.documents.DocumentValidated;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * A passport registered in an account (R-DOC-4): the data the traveller confirmed, immutable once saved (R-DOC-8),
 * its status, the service records made with it (which keep it from being deleted, R-DOC-9), when its deletion was
 * asked for (it waits for preregistration-service's answer), and the events waiting in its outbox.
 */
@Document(TravelDocument.COLLECTION)
public class TravelDocument {

    static final String COLLECTION = "documents";

    /** The status a traveller sees. */
    public enum Status {
        VALID,
        EXPIRED
    }

    @Id
    private UUID id;
    private String accountId;
    /**
     * {@code accountId:issuingState:documentNumber} while the document is registered, removed when it is deleted: a
     * unique index on it refuses the same passport twice in one account (R-DOC-11).
     */
    private String passportKey;
    private String scanId;
    private String documentType;
    private String issuingState;
    private String documentNumber;
    private String surname;
    private String givenNames;
    private String nationality;
    private LocalDate birthDate;
    private Sex sex;
    private LocalDate expiryDate;
    private String personalNumber;
    private DocumentClassification classification;
    private Status status;
    private Instant registeredAt;
    private boolean deleted;
    /** When the traveller asked to delete it; {@code null} when nobody did or a submission cancelled the request. */
    private Instant deletionRequestedAt;
    private Set<UUID> serviceRecords = new LinkedHashSet<>();
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected TravelDocument() {
    }

    /** A document that passed {@link DocumentRules}; {@link #registered()} and {@link #validated()} are its events. */
    static TravelDocument register(String accountId, RegistrationForm form, Instant now) {
        TravelDocument document = new TravelDocument();
        document.id = UUID.randomUUID();
        document.accountId = accountId;
        document.scanId = form.scanId() == null || form.scanId().isBlank() ? null : form.scanId().trim();
        document.documentType = DocumentRules.normalise(form.documentType());
        document.issuingState = DocumentRules.normalise(form.issuingState());
        document.documentNumber = DocumentRules.normalise(form.documentNumber());
        document.surname = name(form.surname());
        document.givenNames = name(form.givenNames());
        document.nationality = DocumentRules.normalise(form.nationality());
        document.birthDate = LocalDate.parse(form.birthDate().trim());
        document.sex = Sex.valueOf(form.sex().trim().toUpperCase(Locale.ROOT));
        document.expiryDate = LocalDate.parse(form.expiryDate().trim());
        String personalNumber = DocumentRules.normalise(form.personalNumber());
        document.personalNumber = personalNumber == null || personalNumber.isEmpty() ? null : personalNumber;
        document.classification = DocumentClassification.valueOf(form.classification().trim().toUpperCase(Locale.ROOT));
        document.status = Status.VALID;
        document.registeredAt = now;
        document.passportKey = accountId + ":" + document.issuingState + ":" + document.documentNumber;
        return document;
    }

    private static String name(String value) {
        return value == null ? "" : value.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    DocumentRegistered registered() {
        return new DocumentRegistered(id, accountId, documentType, issuingState, documentNumber, surname, givenNames,
                nationality, birthDate, sex, expiryDate, classification, personalNumber);
    }

    DocumentValidated validated() {
        return new DocumentValidated(id, accountId, documentType, issuingState, nationality, classification,
                expiryDate);
    }

    DocumentExpired expired() {
        return new DocumentExpired(id, accountId, expiryDate);
    }

    DocumentDeleted deleted() {
        return new DocumentDeleted(id, accountId);
    }

    DocumentDeletionRequested deletionRequested() {
        return new DocumentDeletionRequested(id, accountId);
    }

    void record(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The status on {@code today}: a document whose expiry date passed is expired even before the daily job. */
    Status statusOn(LocalDate today) {
        return status == Status.EXPIRED || expiryDate.isBefore(today) ? Status.EXPIRED : Status.VALID;
    }

    boolean inUse() {
        return !serviceRecords.isEmpty();
    }

    /** Its deletion was asked for and waits for preregistration-service's {@code DocumentWithdrawn}. */
    boolean deleting() {
        return deletionRequestedAt != null;
    }

    public UUID id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    String scanId() {
        return scanId;
    }

    String documentType() {
        return documentType;
    }

    String issuingState() {
        return issuingState;
    }

    String documentNumber() {
        return documentNumber;
    }

    String surname() {
        return surname;
    }

    String givenNames() {
        return givenNames;
    }

    String nationality() {
        return nationality;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    Sex sex() {
        return sex;
    }

    LocalDate expiryDate() {
        return expiryDate;
    }

    String personalNumber() {
        return personalNumber;
    }

    DocumentClassification classification() {
        return classification;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    boolean isDeleted() {
        return deleted;
    }
}

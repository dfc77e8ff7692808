package mx.gob.inm.preregistro.preregistration.documents;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.documents.DocumentClassification;

/**
 * What this service knows of a traveller's passport, learnt from {@code documents.v1} (never from
 * document-service's database): the holder data printed on the FMME, nationality, classification, expiry and
 * whether document-service validated it. Deleted documents are removed; a document whose deletion was asked
 * for is withdrawn first ({@link TravellerDocuments#withdraw}), and a withdrawn one is never used again.
 */
@Document(TravellerDocument.COLLECTION)
public record TravellerDocument(
        @Id String id,
        String accountId,
        String documentType,
        String issuingState,
        String documentNumber,
        String surname,
        String givenNames,
        String nationality,
        LocalDate birthDate,
        Sex sex,
        LocalDate expiryDate,
        DocumentClassification classification,
        Status status,
        Boolean withdrawn) {

    public static final String COLLECTION = "documents";

    /** Where document-service's validation stands. */
    public enum Status {
        /** Registered, validation pending. */
        REGISTERED,
        /** Passed validation; usable until it expires. */
        VALID,
        /** Failed validation. */
        REJECTED,
        /** Its expiry date passed. */
        EXPIRED
    }

    /**
     * Validated, not expired on {@code today}, not withdrawn for its deletion, and its holder data known (from
     * {@code DocumentRegistered}).
     */
    public boolean usableOn(LocalDate today) {
        return status == Status.VALID && !Boolean.TRUE.equals(withdrawn) && expiryDate != null
                && !expiryDate.isBefore(today) && documentNumber != null;
    }

    public boolean diplomatic() {
        return classification == DocumentClassification.DIPLOMATIC;
    }
}

package mx.gob.inm.preregistro.fmme.verification;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/fmme/verify} (R-FMM-5): the status and, for a genuine seal, what it vouches for,
 * so the person checking compares it with the passport in front of them. An {@code INVALID} seal says nothing else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SealStatus(
        Status status,
        String folio,
        String surname,
        String givenNames,
        String documentNumber,
        String nationality,
        LocalDate entryDate,
        String flight,
        Instant issuedAt,
        Instant validUntil,
        String keyId,
        Instant revokedAt) {

    /** What the seal is worth now. */
    public enum Status {
        /** Genuine, issued by this service, not revoked, within its validity. */
        VALID,
        /** Genuine, but the pre-registration was cancelled or rescheduled (R-FMM-4). */
        REVOKED,
        /** Genuine, but its validity ended. */
        EXPIRED,
        /** Not a seal of this service: malformed, altered, unknown key or unknown folio. */
        INVALID
    }

    static SealStatus invalid() {
        return new SealStatus(Status.INVALID, null, null, null, null, null, null, null, null, null, null, null);
    }
}

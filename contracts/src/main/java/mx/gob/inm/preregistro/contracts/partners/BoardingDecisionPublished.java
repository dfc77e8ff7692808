package mx.gob.inm.preregistro.contracts.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * The boarding decision for one traveller and flight, for airlines and airports (R-OPS-1). A later decision
 * for the same document and entry date replaces an earlier one (events are keyed by both, so they stay in
 * order).
 *
 * @param preregistrationId an opaque reference to quote to INM; it reveals nothing about the traveller
 * @param documentHash      {@link #documentHash(String, String)} of the passport's nationality and number
 * @param nationality       ICAO 9303 code of the passport's nationality
 * @param arrivalAirport    IATA code of the Mexican arrival airport
 * @param airline           IATA (2) or ICAO (3) airline designator
 */
public record BoardingDecisionPublished(
        UUID preregistrationId,
        String documentHash,
        String nationality,
        LocalDate entryDate,
        String arrivalAirport,
        String airline,
        String flightNumber,
        Decision decision) implements DomainEvent {

    /** The decision partners act on. */
    public enum Decision {
        /** The traveller has a valid FMME for this entry date. */
        APPROVED,
        /** The pre-registration did not meet the requirements. */
        NOT_APPROVED,
        /** An earlier approval no longer holds (cancelled or rescheduled). */
        CANCELLED
    }

    /**
     * The hash partners compute from the passport data they hold to match a decision: lower-case hex SHA-256 of
     * {@code NATIONALITY:DOCUMENTNUMBER}, both trimmed and upper-cased, e.g. {@code COL:AX123456}. It is a
     * pseudonym, not anonymisation: it hides the number from casual readers, not from someone who tries every
     * number.
     */
    public static String documentHash(String nationality, String documentNumber) {
        String text = nationality.trim().toUpperCase(Locale.ROOT) + ":" + documentNumber.trim().toUpperCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String aggregateId() {
        return documentHash + ":" + entryDate;
    }
}

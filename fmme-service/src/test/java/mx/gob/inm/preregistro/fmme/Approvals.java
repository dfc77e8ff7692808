package mx.gob.inm.preregistro.fmme;

import java.time.LocalDate;
import java.util.UUID;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.Lodging;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;

/** Approved pre-registrations as preregistration-service publishes them, for the tests. */
public final class Approvals {

    private Approvals() {
    }

    public static PreRegistrationApproved approval(String accountId, LocalDate entryDate, LocalDate exitDate) {
        return approval(UUID.randomUUID(), accountId, entryDate, exitDate, "AV36");
    }

    public static PreRegistrationApproved approval(UUID preregistrationId, String accountId, LocalDate entryDate,
            LocalDate exitDate, String flight) {
        return new PreRegistrationApproved(preregistrationId, accountId, UUID.randomUUID(),
                PreRegistrationVariant.NO_NUE,
                new Traveller("RODRÍGUEZ GÓMEZ", "MARÍA FERNANDA", "P", "AX482915", "COL", "COL",
                        LocalDate.of(1990, 3, 14), Sex.F, "Ingeniera de sistemas"),
                trip(entryDate, exitDate, flight),
                new Lodging("HOTEL", "Hotel Riu Caribe", "Blvd. Kukulcán km 5.5, Zona Hotelera", "Cancún",
                        "Quintana Roo", "77500", "+52 998 848 7850"),
                null, null, "maria.rodriguez@example.com", Language.es);
    }

    public static Trip trip(LocalDate entryDate, LocalDate exitDate, String flight) {
        return new Trip(entryDate, exitDate, "CUN", flight.substring(0, 2), flight, "COL", "Bogotá", "TURISMO");
    }
}

package mx.gob.inm.preregistro.preregistration.registration;

import java.time.LocalDate;

import mx.gob.inm.preregistro.contracts.preregistration.Trip;

/** Step "Información del Viaje" as saved in the draft. */
public record TravelData(
        LocalDate entryDate,
        LocalDate exitDate,
        String arrivalAirport,
        String airline,
        String flightNumber,
        String originCountry,
        String originCity,
        String purpose) {

    Trip trip() {
        return new Trip(entryDate, exitDate, arrivalAirport, airline, flightNumber, originCountry, originCity, purpose);
    }

    /** The same trip on a rescheduled flight (R-PRE-11). */
    TravelData rescheduled(LocalDate newEntry, LocalDate newExit, String newAirline, String newFlight) {
        return new TravelData(newEntry, newExit, arrivalAirport, newAirline, newFlight, originCountry, originCity,
                purpose);
    }
}

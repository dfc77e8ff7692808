package mx.gob.inm.preregistro.preregistration.registration;

import java.util.Map;

/**
 * The request bodies of the pre-registration API (../shared/API.md). Everything arrives as text so that a bad
 * value is answered on its own field, never as an unreadable body.
 */
final class Requests {

    private Requests() {
    }

    record Create(String documentId, String variant, String nue, String sreFolio) {
    }

    record Travel(String entryDate, String exitDate, String arrivalAirport, String airline, String flightNumber,
            String originCountry, String originCity, String purpose) {
    }

    record Additional(String lodgingType, String lodgingName, String street, String city, String state,
            String postalCode, String phone, String occupation) {
    }

    record Control(Map<String, Boolean> answers) {
    }

    record Submit(Boolean termsAccepted) {
    }

    record Reschedule(String entryDate, String exitDate, String airline, String flightNumber) {
    }
}

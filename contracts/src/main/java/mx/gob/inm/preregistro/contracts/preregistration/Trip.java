package mx.gob.inm.preregistro.contracts.preregistration;

import java.time.LocalDate;

/**
 * The travel data of a pre-registration ("Información del Viaje").
 *
 * @param arrivalAirport IATA code of the Mexican arrival airport, e.g. {@code CUN}
 * @param airline        IATA (2) or ICAO (3) airline designator, e.g. {@code AV}
 * @param flightNumber   the flight as printed on the ticket, e.g. {@code AV62}
 * @param originCountry  ICAO/ISO alpha-3 code of the country the flight leaves from
 * @param purpose        code of the purpose of the trip from the form's catalogue, e.g. {@code TURISMO}
 */
public record Trip(
        LocalDate entryDate,
        LocalDate exitDate,
        String arrivalAirport,
        String airline,
        String flightNumber,
        String originCountry,
        String originCity,
        String purpose) {
}

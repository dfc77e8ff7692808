package mx.gob.inm.preregistro.fmme.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.contracts.preregistration.Trip;

/** How the forms write values for people: Spanish, dates as dd/MM/yyyy, codes of the catalogues as words. */
final class FormText {

    static final String INSTITUTE = "INSTITUTO NACIONAL DE MIGRACIÓN";
    static final String GOVERNMENT = "GOBIERNO DE MÉXICO · SECRETARÍA DE GOBERNACIÓN";
    static final String NOT_APPLICABLE = "—";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);
    private static final Map<String, String> PURPOSES = Map.of(
            "TURISMO", "Turismo", "NEGOCIOS", "Negocios", "TRANSITO", "Tránsito", "ESTUDIOS", "Estudios",
            "VISITA_FAMILIAR", "Visita familiar", "TRABAJO", "Trabajo", "OTRO", "Otro");
    private static final Map<String, String> LODGINGS = Map.of(
            "HOTEL", "Hotel", "CASA_PARTICULAR", "Casa particular", "RENTA", "Renta vacacional", "OTRO", "Otro");

    private FormText() {
    }

    static String date(LocalDate date) {
        return date == null ? NOT_APPLICABLE : DATE.format(date);
    }

    /** A moment as Mexico City (or the configured zone) reads it, with the zone named. */
    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    static String dateIn(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    static String sex(Sex sex) {
        if (sex == null) {
            return NOT_APPLICABLE;
        }
        switch (sex) {
            case F:
                return "Femenino";
            case M:
                return "Masculino";
            default:
                return "No especificado";
        }
    }

    static String documentType(String code) {
        return code != null && code.startsWith("P") ? "Pasaporte" : orDash(code);
    }

    static String purpose(String code) {
        return code == null ? NOT_APPLICABLE : PURPOSES.getOrDefault(code, code);
    }

    static String lodging(String code) {
        return code == null ? NOT_APPLICABLE : LODGINGS.getOrDefault(code, code);
    }

    static String fullName(Traveller traveller) {
        return (orEmpty(traveller.givenNames()) + " " + orEmpty(traveller.surname())).trim();
    }

    static String origin(Trip trip) {
        return orEmpty(trip.originCity()).isEmpty() ? orDash(trip.originCountry())
                : trip.originCity() + ", " + orDash(trip.originCountry());
    }

    static String orDash(String value) {
        return value == null || value.isBlank() ? NOT_APPLICABLE : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

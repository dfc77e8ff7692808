package mx.gob.inm.preregistro.fmme.form;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import mx.gob.inm.preregistro.contracts.preregistration.Trip;

/**
 * How long a form is valid: to the end of the declared exit date (the form accompanies the stay and is handed in
 * on leaving), or, for a trip without an exit date, to the end of the longest stay counted from the entry date;
 * days end at midnight of the configured zone (Mexico City). Whole seconds, as the seal carries them.
 */
final class FormValidity {

    private FormValidity() {
    }

    static Instant until(Trip trip, ZoneId zone, Duration maxStay) {
        LocalDate lastDay = trip.exitDate() != null ? trip.exitDate() : trip.entryDate().plusDays(maxStay.toDays());
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }
}

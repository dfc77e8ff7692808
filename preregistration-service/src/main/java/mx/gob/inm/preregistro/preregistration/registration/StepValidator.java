package mx.gob.inm.preregistro.preregistration.registration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.platform.text.CalendarDate;
import mx.gob.inm.preregistro.platform.text.PlainText;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;

/**
 * Checks each wizard step on its own, one error per field (R-PRE-3), so the UI marks every wrong field red at
 * once; values come from the form's catalogues. Formats match the event schemas in {@code contracts}.
 */
@Component
class StepValidator {

    private static final Pattern AIRLINE = Pattern.compile("^[A-Z0-9]{2,3}$");
    private static final Pattern FLIGHT = Pattern.compile("^[A-Z0-9]{2,3}[0-9]{1,5}[A-Z]?$");
    private static final Pattern THREE_LETTERS = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{5}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,20}$");

    private final PreRegistrationProperties properties;

    StepValidator(PreRegistrationProperties properties) {
        this.properties = properties;
    }

    TravelData travel(Requests.Travel request, PreRegistrationVariant variant, LocalDate today) {
        Violations violations = new Violations();
        LocalDate entry = violations.date("entryDate", request.entryDate());
        LocalDate exit = violations.date("exitDate", request.exitDate());
        checkDates(violations, entry, exit, variant, today);
        String airport = violations.matching("arrivalAirport", request.arrivalAirport(), THREE_LETTERS);
        if (airport != null && !properties.form().hasAirport(airport)) {
            violations.add("arrivalAirport", "unknown_airport");
        }
        String airline = violations.matching("airline", request.airline(), AIRLINE);
        String flight = violations.matching("flightNumber", request.flightNumber(), FLIGHT);
        String country = violations.matching("originCountry", request.originCountry(), THREE_LETTERS);
        String city = violations.text("originCity", request.originCity(), 100);
        String purpose = violations.text("purpose", request.purpose(), 40);
        if (purpose != null && properties.form().purpose(purpose).isEmpty()) {
            violations.add("purpose", "unknown_purpose");
        }
        violations.throwIfAny();
        return new TravelData(entry, exit, airport, airline, flight, country, city, purpose);
    }

    /** The dates of a reschedule, checked as in the travel step. */
    TravelData reschedule(Requests.Reschedule request, TravelData current, PreRegistrationVariant variant,
            LocalDate today) {
        Violations violations = new Violations();
        LocalDate entry = violations.date("entryDate", request.entryDate());
        LocalDate exit = violations.date("exitDate", request.exitDate());
        checkDates(violations, entry, exit, variant, today);
        String airline = violations.matching("airline", request.airline(), AIRLINE);
        String flight = violations.matching("flightNumber", request.flightNumber(), FLIGHT);
        violations.throwIfAny();
        return current.rescheduled(entry, exit, airline, flight);
    }

    private void checkDates(Violations violations, LocalDate entry, LocalDate exit, PreRegistrationVariant variant,
            LocalDate today) {
        if (entry != null) {
            if (entry.isBefore(today)) {
                violations.add("entryDate", "entry_in_past");
            } else if (entry.isAfter(today.plusDays(properties.entryHorizon().toDays()))) {
                violations.add("entryDate", "entry_too_far", properties.entryHorizon().toDays());
            }
        }
        if (entry != null && exit != null) {
            if (!exit.isAfter(entry)) {
                violations.add("exitDate", "exit_not_after_entry");
            } else if (variant == PreRegistrationVariant.NO_NUE
                    && ChronoUnit.DAYS.between(entry, exit) > properties.maxStay().toDays()) {
                violations.add("exitDate", "stay_too_long", properties.maxStay().toDays());
            }
        }
    }

    AdditionalData additional(Requests.Additional request) {
        Violations violations = new Violations();
        String type = violations.text("lodgingType", request.lodgingType(), 40);
        if (type != null && !properties.form().hasLodgingType(type)) {
            violations.add("lodgingType", "unknown_lodging_type");
        }
        String name = violations.text("lodgingName", request.lodgingName(), 200);
        String street = violations.text("street", request.street(), 200);
        String city = violations.text("city", request.city(), 100);
        String state = violations.text("state", request.state(), 100);
        if (state != null && !properties.form().states().contains(state)) {
            violations.add("state", "unknown_state");
        }
        String postalCode = violations.matching("postalCode", request.postalCode(), POSTAL_CODE);
        String phone = violations.matching("phone", request.phone(), PHONE);
        String occupation = violations.text("occupation", request.occupation(), 100);
        violations.throwIfAny();
        return new AdditionalData(type, name, street, city, state, postalCode, phone, occupation);
    }

    /** Every question answered yes or no, and nothing else (R-PRE-3). */
    Map<String, Boolean> control(Requests.Control request) {
        Map<String, Boolean> answers = request.answers() == null ? Map.of() : request.answers();
        Violations violations = new Violations();
        Map<String, Boolean> accepted = new HashMap<>();
        properties.form().questions().forEach(question -> {
            Boolean answer = answers.get(question.id());
            if (answer == null) {
                violations.add("answers." + question.id(), "required");
            } else {
                accepted.put(question.id(), answer);
            }
        });
        answers.keySet().stream().filter(id -> !accepted.containsKey(id))
                .filter(id -> properties.form().questions().stream().noneMatch(q -> q.id().equals(id)))
                .forEach(id -> violations.add("answers", "unknown_question", id));
        violations.throwIfAny();
        return accepted;
    }

    /** Collects at most one violation per field. */
    private static final class Violations {
        private final List<FieldViolation> list = new ArrayList<>();

        void add(String field, String code, Object... args) {
            if (list.stream().noneMatch(v -> v.field().equals(field))) {
                list.add(FieldViolation.of(field, code, args));
            }
        }

        String text(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                add(field, "required");
                return null;
            }
            String trimmed = value.trim();
            if (trimmed.length() > maxLength) {
                add(field, "too_long", maxLength);
                return null;
            }
            if (!PlainText.is(trimmed)) {
                add(field, "format");
                return null;
            }
            return trimmed;
        }

        String matching(String field, String value, Pattern pattern) {
            String text = text(field, value, 40);
            if (text == null) {
                return null;
            }
            String upper = text.toUpperCase(Locale.ROOT);
            if (!pattern.matcher(upper).matches()) {
                add(field, "format");
                return null;
            }
            return upper;
        }

        LocalDate date(String field, String value) {
            String text = text(field, value, 10);
            if (text == null) {
                return null;
            }
            Optional<LocalDate> date = CalendarDate.parse(text);
            if (date.isEmpty()) {
                add(field, "format");
            }
            return date.orElse(null);
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new ValidationFailedException(list);
            }
        }
    }
}

package mx.gob.inm.preregistro.preregistration.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.platform.text.CalendarDate;

/**
 * {@code GET /api/partners/v1/boarding-status} for Keycloak clients with the realm role {@code airline}
 * (client credentials; {@code preregistro.security.role-paths}), limited per client ({@link PartnerRateLimit}).
 */
@RestController
class BoardingStatusController {

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^[A-Za-z0-9]{1,9}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Za-z]{3}$");

    private final BoardingStatus boardingStatus;
    private final PartnerRateLimit rateLimit;

    BoardingStatusController(BoardingStatus boardingStatus, PartnerRateLimit rateLimit) {
        this.boardingStatus = boardingStatus;
        this.rateLimit = rateLimit;
    }

    @GetMapping("/api/partners/v1/boarding-status")
    Map<String, String> boardingStatus(@AuthenticationPrincipal Jwt client,
            @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String nationality,
            @RequestParam(required = false) String entryDate) {
        String clientId = client.getClaimAsString("azp");
        if (!rateLimit.tryAcquire(clientId)) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", rateLimit.refillOfOne());
        }
        List<FieldViolation> violations = new ArrayList<>();
        check(violations, "documentNumber", documentNumber, DOCUMENT_NUMBER);
        check(violations, "nationality", nationality, COUNTRY);
        LocalDate date = null;
        if (entryDate == null || entryDate.isBlank()) {
            violations.add(FieldViolation.of("entryDate", "required"));
        } else {
            date = CalendarDate.parse(entryDate).orElse(null);
            if (date == null) {
                violations.add(FieldViolation.of("entryDate", "format"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return Map.of("status", boardingStatus.of(clientId, documentNumber, nationality, date).name());
    }

    private static void check(List<FieldViolation> violations, String field, String value, Pattern format) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "required"));
        } else if (!format.matcher(value.trim()).matches()) {
            violations.add(FieldViolation.of(field, "format"));
        }
    }
}

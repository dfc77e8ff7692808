package mx.gob.inm.preregistro.preregistration.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;
import mx.gob.inm.preregistro.preregistration.delivery.DeliveryStatuses;
import mx.gob.inm.preregistro.preregistration.registration.PreRegistrations;

/** {@code GET /api/preregistrations}: the caller's Historial de Registros, newest first (R-PRE-11). */
@RestController
class HistoryController {

    private final PreRegistrations preRegistrations;
    private final DeliveryStatuses deliveries;
    private final PreRegistrationProperties properties;
    private final Clock clock;

    HistoryController(PreRegistrations preRegistrations, DeliveryStatuses deliveries,
            PreRegistrationProperties properties, Clock clock) {
        this.preRegistrations = preRegistrations;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/preregistrations")
    List<HistoryEntry> history(@AuthenticationPrincipal Jwt caller) {
        var all = preRegistrations.ofAccount(caller.getSubject());
        Map<String, DeliveryStatuses.Delivery> delivery = deliveries.of(all.stream().map(pre -> pre.id()).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        return all.stream().map(pre -> HistoryEntry.of(pre, delivery.get(pre.id()), today)).toList();
    }
}

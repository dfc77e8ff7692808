package mx.gob.inm.preregistro.preregistration.form;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;
import mx.gob.inm.preregistro.preregistration.traveller.TravellerProfile;
import mx.gob.inm.preregistro.preregistration.traveller.TravellerProfiles;

/**
 * {@code GET /api/preregistrations/form}: the wizard's definition from configuration, so the UI is built from it
 * (R-PRE-3): the fields of each step, the catalogues (Mexican arrival airports by IATA code, purposes, lodging
 * types, Mexican states), the Control Migratorio questions in Spanish and English, the attachment slots per
 * variant (R-PRE-4), the limits, whether the caller's NUE / SRE folio is already on file (R-PRE-2), and the
 * pre-check that tells who does not need a pre-registration (R-PRE-7).
 * Whether a purpose needs a visa is a decision rule and is not published.
 */
@RestController
class FormController {

    private static final List<String> TRAVEL_FIELDS = List.of("entryDate", "exitDate", "arrivalAirport", "airline",
            "flightNumber", "originCountry", "originCity", "purpose");
    private static final List<String> ADDITIONAL_FIELDS = List.of("lodgingType", "lodgingName", "street", "city",
            "state", "postalCode", "phone", "occupation");

    private final PreRegistrationProperties properties;
    private final TravellerProfiles profiles;

    FormController(PreRegistrationProperties properties, TravellerProfiles profiles) {
        this.properties = properties;
        this.profiles = profiles;
    }

    @GetMapping("/api/preregistrations/form")
    Map<String, Object> form(@AuthenticationPrincipal Jwt caller) {
        PreRegistrationProperties.Form form = properties.form();
        TravellerProfile profile = profiles.find(caller.getSubject());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variants", Arrays.stream(PreRegistrationVariant.values()).map(Enum::name).toList());
        body.put("nueOnFile", profile.nue() != null);
        body.put("sreFolioOnFile", profile.sreFolio() != null);
        body.put("fields", Map.of("travel", TRAVEL_FIELDS, "additional", ADDITIONAL_FIELDS));
        body.put("catalogues", Map.of(
                "airports", form.airports(),
                "airlines", form.airlines(),
                "purposes", form.purposes().stream()
                        .map(purpose -> new PreRegistrationProperties.Choice(purpose.code(), purpose.es(), purpose.en()))
                        .toList(),
                "lodgingTypes", form.lodgingTypes(),
                "states", form.states()));
        body.put("preCheck", form.preCheck());
        body.put("questions", form.questions());
        body.put("attachmentSlots", form.attachmentSlots());
        body.put("limits", Map.of(
                "maxStayDays", properties.maxStay().toDays(),
                "entryHorizonDays", properties.entryHorizon().toDays(),
                "recommendedNoticeHours", properties.recommendedNotice().toHours(),
                "maxAttachmentBytes", properties.maxAttachmentBytes(),
                "attachmentTypes", List.of("application/pdf", "image/jpeg", "image/png")));
        return body;
    }
}

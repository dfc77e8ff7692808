package mx.gob.inm.preregistro.identity.profile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.identity.keycloak.KeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;

/** The signed-in traveller's own account data (R-ACC-9 "Información"), read from Keycloak, the only store. */
@RestController
class ProfileController {

    private final KeycloakUsers users;
    private final PasswordChange passwordChange;
    private final PersonalData personalData;

    ProfileController(KeycloakUsers users, PasswordChange passwordChange, PersonalData personalData) {
        this.users = users;
        this.passwordChange = passwordChange;
        this.personalData = personalData;
    }

    @GetMapping("/api/accounts/me")
    Map<String, String> me(@AuthenticationPrincipal Jwt token) {
        KeycloakUser user = users.get(token.getSubject());
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("email", user.email());
        profile.put("givenNames", user.firstName());
        profile.put("firstSurname", user.lastName());
        profile.put("secondSurname", user.attributes().getOrDefault("secondSurname", ""));
        profile.put("nationality", user.attributes().get("nationality"));
        profile.put("birthDate", user.attributes().get("birthDate"));
        return profile;
    }

    /** Contraseña (R-ACC-9): the current password, the new one twice and a captcha. */
    @PostMapping("/api/accounts/me/password")
    Map<String, String> changePassword(@AuthenticationPrincipal Jwt token, @RequestBody PasswordChangeRequest request) {
        passwordChange.change(token.getSubject(), request);
        return Map.of("status", "PASSWORD_CHANGED");
    }

    /** ARCO access (R-ENT-5): everything held about the holder here, as a JSON download. */
    @GetMapping("/api/accounts/me/export")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal Jwt token) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mis-datos.json\"")
                .cacheControl(CacheControl.noStore())
                .body(personalData.export(token.getSubject()));
    }

    /** ARCO cancellation (R-ENT-5): the account is closed; the other services erase their part on the event. */
    @DeleteMapping("/api/accounts/me")
    ResponseEntity<Map<String, String>> close(@AuthenticationPrincipal Jwt token) {
        personalData.close(token.getSubject());
        return ResponseEntity.accepted().body(Map.of("status", "ACCOUNT_CLOSED"));
    }
}

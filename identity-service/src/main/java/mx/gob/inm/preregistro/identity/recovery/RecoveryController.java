package mx.gob.inm.preregistro.identity.recovery;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/accounts/recovery} → 202, the same whatever the e-mail (R-ACC-7);
 * {@code POST /api/accounts/password-reset} → 200.
 */
@RestController
class RecoveryController {

    private final Recovery recovery;
    private final PasswordReset passwordReset;

    RecoveryController(Recovery recovery, PasswordReset passwordReset) {
        this.recovery = recovery;
        this.passwordReset = passwordReset;
    }

    @PostMapping("/api/accounts/recovery")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> recover(@RequestBody RecoveryRequest request) {
        recovery.recover(request);
        return Map.of("status", "ACCEPTED");
    }

    @PostMapping("/api/accounts/password-reset")
    Map<String, String> reset(@RequestBody PasswordResetRequest request) {
        passwordReset.reset(request);
        return Map.of("status", "PASSWORD_CHANGED");
    }
}

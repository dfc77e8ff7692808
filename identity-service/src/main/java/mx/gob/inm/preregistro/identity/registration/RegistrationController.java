package mx.gob.inm.preregistro.identity.registration;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/accounts}: the same 201 whether the e-mail is new or already has an account (R-ACC-7). */
@RestController
class RegistrationController {

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(@RequestBody RegistrationRequest form) {
        registration.register(form);
        return Map.of("status", "PENDING_ACTIVATION");
    }
}

package mx.gob.inm.preregistro.fmme.verification;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.fmme.seal.SealKeyring;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * The public side of the seal (R-FMM-5), no sign-in: the public keys as a JWKS for offline verifiers, and the
 * online check of a seal read from a QR.
 */
@RestController
@RequestMapping("/api/fmme")
class VerificationController {

    private static final int MAX_SEAL_LENGTH = 2000;

    private final SealKeyring keys;
    private final SealVerification verification;

    VerificationController(SealKeyring keys, SealVerification verification) {
        this.keys = keys;
        this.verification = verification;
    }

    @GetMapping("/keys")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.jwks());
    }

    /**
     * The seal as the QR holds it (URL-encoded: Base45 has spaces, {@code +}, {@code %} and {@code /}); escapes that
     * are not UTF-8 are a 400 naming {@code seal} (platform {@code ProblemHandler}).
     */
    @GetMapping("/verify")
    SealStatus verify(@RequestParam(name = "seal", required = false) String seal) {
        if (seal == null || seal.isBlank()) {
            throw ValidationFailedException.of("seal", "required");
        }
        if (seal.length() > MAX_SEAL_LENGTH) {
            throw ValidationFailedException.of("seal", "length");
        }
        return verification.verify(seal);
    }
}

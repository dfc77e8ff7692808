package mx.gob.inm.preregistro.identity.captcha;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A captcha as stored: the answer only as a salted hash, with its expiry. */
@Document(Captchas.COLLECTION)
record StoredCaptcha(@Id String id, String salt, String answerHash, Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

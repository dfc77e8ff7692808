package mx.gob.inm.preregistro.identity.captcha;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Issues and verifies captchas (R-ACC-10). Every feature that asks for a captcha calls {@link #verify}: the captcha
 * is removed in the same atomic operation that reads it, so it can be used once, right or wrong.
 */
@Service
public class Captchas {

    static final String COLLECTION = "captchas";
    public static final String FIELD = "captchaAnswer";
    static final String CODE = "captcha";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final CaptchaProperties properties;
    private final SecureRandom random = new SecureRandom();

    public Captchas(MongoTemplate mongo, Clock clock, CaptchaProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    public IssuedCaptcha issue() {
        String answer = CaptchaAnswer.random(properties.length(), random);
        String salt = CaptchaAnswer.newSalt(random);
        StoredCaptcha stored = new StoredCaptcha(UUID.randomUUID().toString(), salt,
                CaptchaAnswer.hash(salt, answer), clock.instant().plus(properties.validity()));
        mongo.insert(stored, COLLECTION);
        return new IssuedCaptcha(stored.id(), CaptchaImage.png(answer, random), answer);
    }

    /** Consumes the captcha; a wrong, expired, unknown or already used one → 400 on field {@code captchaAnswer}. */
    public void verify(String captchaId, String answer) {
        StoredCaptcha stored = captchaId == null ? null
                : mongo.findAndRemove(query(where("_id").is(captchaId)), StoredCaptcha.class, COLLECTION);
        if (stored == null || stored.expiredAt(clock.instant())
                || !CaptchaAnswer.matches(stored.salt(), stored.answerHash(), answer)) {
            throw ValidationFailedException.of(FIELD, CODE);
        }
    }
}

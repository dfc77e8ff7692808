package mx.gob.inm.preregistro.platform.captcha;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Issues and verifies captchas (R-ACC-10), the one implementation every service uses: identity-service issues them
 * at {@code GET /api/captcha}; any service that asks for one calls {@link #verify}.
 * <p>
 * The id carries everything needed to check an answer, so a captcha issued by one service verifies in another
 * without a call between them: {@code nonce.expiry.mac}, where the MAC is an HMAC-SHA256, under the secret the
 * services share ({@code CAPTCHA_SECRET}), of the nonce, the expiry and the answer. Without the secret an id reveals
 * nothing about its answer. {@link #verify} spends the nonce in the verifying service's own {@value #SPENT}
 * collection before it compares, so a captcha is used once there, right or wrong, and expires after 5 minutes.
 */
public class Captchas {

    /** The field that carries the answer in every request that asks for a captcha. */
    public static final String FIELD = "captchaAnswer";
    static final String CODE = "captcha";
    static final String SPENT = "captchas_spent";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final CaptchaProperties properties;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public Captchas(MongoTemplate mongo, Clock clock, CaptchaProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.key = new SecretKeySpec(properties.effectiveSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public IssuedCaptcha issue() {
        String answer = CaptchaAnswer.random(properties.length(), random);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "."
                + clock.instant().plus(properties.validity()).getEpochSecond();
        return new IssuedCaptcha(unsigned + "." + mac(unsigned, answer), CaptchaImage.png(answer, random), answer);
    }

    /** Spends the captcha; a wrong, expired, forged or already used one → 400 on field {@code captchaAnswer}. */
    public void verify(String captchaId, String answer) {
        String[] parts = captchaId == null ? new String[0] : captchaId.split("\\.", -1);
        if (parts.length != 3 || answer == null || expired(parts[1]) || !spend(parts[0], parts[1])
                || !MessageDigest.isEqual(mac(parts[0] + "." + parts[1], answer).getBytes(StandardCharsets.US_ASCII),
                        parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw ValidationFailedException.of(FIELD, CODE);
        }
    }

    private boolean expired(String expiry) {
        try {
            return !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(expiry)));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Records the nonce as used; false when it was already. */
    private boolean spend(String nonce, String expiry) {
        try {
            mongo.insert(new Document("_id", nonce).append("expiresAt",
                    Date.from(Instant.ofEpochSecond(Long.parseLong(expiry)))), SPENT);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private String mac(String unsigned, String answer) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update((unsigned + "." + answer.trim().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}

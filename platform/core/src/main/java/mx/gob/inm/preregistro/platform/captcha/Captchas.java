package mx.gob.inm.preregistro.platform.captcha;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** {@code nonce.expiry.mac} as {@link #issue} writes it: 16 random bytes, seconds, an HMAC-SHA256, in base64url. */
    private static final Pattern ID = Pattern.compile("^([A-Za-z0-9_-]{22})\\.(\\d{1,19})\\.([A-Za-z0-9_-]{43})$");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

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
        Matcher id = ID.matcher(captchaId == null ? "" : captchaId);
        Optional<Instant> expiresAt = id.matches() ? expiry(id.group(2)) : Optional.empty();
        if (expiresAt.isEmpty() || answer == null || !spend(id.group(1), expiresAt.get())
                || !MessageDigest.isEqual(mac(id.group(1) + "." + id.group(2), answer)
                        .getBytes(StandardCharsets.US_ASCII), id.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw ValidationFailedException.of(FIELD, CODE);
        }
    }

    /**
     * When a captcha of that expiry expires: not yet, and no later than one issued now would (a minute allowed for the
     * clocks of the services); empty otherwise. So a forged id spends nothing that would outlive a real one.
     */
    private Optional<Instant> expiry(String epochSecond) {
        Instant now = clock.instant();
        Instant latest = now.plus(properties.validity()).plus(CLOCK_SKEW);
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(epochSecond));
            return at.isAfter(now) && !at.isAfter(latest) ? Optional.of(at) : Optional.empty();
        } catch (NumberFormatException | DateTimeException notATime) {
            return Optional.empty();
        }
    }

    /**
     * Records the nonce as used until its captcha expires; false when it was already. The nonces of captchas expired
     * for longer than the clocks' minute are removed on the way: their ids are refused as expired anyway.
     */
    private boolean spend(String nonce, Instant expiresAt) {
        mongo.remove(query(where("expiresAt").lt(Date.from(clock.instant().minus(CLOCK_SKEW)))), SPENT);
        try {
            mongo.insert(new Document("_id", nonce).append("expiresAt", Date.from(expiresAt)), SPENT);
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

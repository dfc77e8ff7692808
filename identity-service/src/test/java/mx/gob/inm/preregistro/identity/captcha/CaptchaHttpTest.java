package mx.gob.inm.preregistro.identity.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

class CaptchaHttpTest extends KeycloakBackedTest {

    @Autowired
    Captchas captchas;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    @DisplayName("R-ACC-10 GET /api/captcha gives a PNG data URL and, in test mode, the answer header; every call a new one")
    void issue() throws Exception {
        HttpResponse<String> first = get("/api/captcha");
        HttpResponse<String> second = get("/api/captcha");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = read(first.body());
        assertThat(body.get("image").asString()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(body.get("image").asString().substring("data:image/png;base64,".length()));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(first.headers().firstValue("X-Captcha-Answer")).get().asString().hasSize(6);
        assertThat(read(second.body()).get("id").asString()).isNotEqualTo(body.get("id").asString());
    }

    @Test
    @DisplayName("R-ACC-10 the stored captcha holds a salted hash, never the answer")
    void storedAsHash() {
        IssuedCaptcha captcha = captchas.issue();

        StoredCaptcha stored = mongo.findById(captcha.id(), StoredCaptcha.class, Captchas.COLLECTION);
        assertThat(stored.answerHash()).isEqualTo(CaptchaAnswer.hash(stored.salt(), captcha.answer()))
                .doesNotContain(captcha.answer());
        assertThat(stored.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("R-ACC-10 a captcha answered right (any case) passes once; the second use is refused on captchaAnswer")
    void singleUse() {
        IssuedCaptcha captcha = captchas.issue();

        captchas.verify(captcha.id(), captcha.answer().toLowerCase(Locale.ROOT));
        assertThatThrownBy(() -> captchas.verify(captcha.id(), captcha.answer()))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("captchaAnswer"));
    }

    @Test
    @DisplayName("R-ACC-10 a wrong answer is refused and burns the captcha")
    void wrongAnswer() {
        IssuedCaptcha captcha = captchas.issue();

        assertThatThrownBy(() -> captchas.verify(captcha.id(), "WRONG1")).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> captchas.verify(captcha.id(), captcha.answer()))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> captchas.verify("no-such-captcha", "ABCDEF"))
                .isInstanceOf(ValidationFailedException.class);
    }

    @Test
    @DisplayName("R-ACC-10 a captcha expires after 5 minutes")
    void expires() {
        IssuedCaptcha fresh = captchas.issue();
        IssuedCaptcha stale = captchas.issue();

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        captchas.verify(fresh.id(), fresh.answer());
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> captchas.verify(stale.id(), stale.answer()))
                .isInstanceOf(ValidationFailedException.class);
    }
}

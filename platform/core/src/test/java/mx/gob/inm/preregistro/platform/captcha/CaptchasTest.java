package mx.gob.inm.preregistro.platform.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.MutableClock;

@IntegrationTest(properties = "preregistro.captcha.secret=the-secret-of-this-test")
@Import(CaptchasTest.TestClock.class)
class CaptchasTest {

    private static final Instant START = Instant.parse("2026-06-15T18:00:00Z");

    @Autowired
    Captchas captchas;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    @DisplayName("R-ACC-10 a captcha answered right (any case, spaces trimmed) passes once; the second use is refused on captchaAnswer")
    void singleUse() {
        IssuedCaptcha captcha = captchas.issue();

        captchas.verify(captcha.id(), " " + captcha.answer().toLowerCase(Locale.ROOT) + " ");
        assertThatThrownBy(() -> captchas.verify(captcha.id(), captcha.answer()))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations().get(0).field())
                        .isEqualTo("captchaAnswer"));
    }

    @Test
    @DisplayName("R-ACC-10 a wrong answer is refused and burns the captcha; unknown and tampered ids are refused")
    void wrongAnswer() {
        IssuedCaptcha captcha = captchas.issue();
        IssuedCaptcha other = captchas.issue();
        String[] parts = other.id().split("\\.");

        assertThatThrownBy(() -> captchas.verify(captcha.id(), "WRONG1")).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> captchas.verify(captcha.id(), captcha.answer()))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> captchas.verify("no-such-captcha", "ABCDEF"))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> captchas.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2],
                other.answer())).as("expiry moved").isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> captchas.verify(other.id(), null)).isInstanceOf(ValidationFailedException.class);
    }

    @Test
    @DisplayName("R-ACC-10 the id reveals nothing of the answer; it verifies in another service sharing the secret, not with another secret")
    void sharedSecret() {
        IssuedCaptcha captcha = captchas.issue();
        CaptchaProperties same = new CaptchaProperties(Duration.ofMinutes(5), 6, false, "the-secret-of-this-test");
        CaptchaProperties other = new CaptchaProperties(Duration.ofMinutes(5), 6, false, "another-secret");

        assertThat(captcha.id()).doesNotContainIgnoringCase(captcha.answer());
        assertThatThrownBy(() -> new Captchas(mongo, clock, other).verify(captchas.issue().id(), captcha.answer()))
                .isInstanceOf(ValidationFailedException.class);
        new Captchas(mongo, clock, same).verify(captcha.id(), captcha.answer());
    }

    @Test
    @DisplayName("R-ACC-10 R-SEC an id of another shape, or whose expiry is past, beyond any date or later than a new captcha's, is refused and spends nothing")
    void forgedIdsSpendNothing() {
        String[] parts = captchas.issue().id().split("\\.");
        long now = START.getEpochSecond();
        long spentBefore = mongo.getCollection(Captchas.SPENT).countDocuments();
        for (String forged : List.of(parts[0] + ".9223372036854775807." + parts[2],
                parts[0] + ".31556889864403200." + parts[2], parts[0] + ".-1." + parts[2],
                parts[0] + "." + (now + 3600) + "." + parts[2], parts[0] + "." + (now - 1) + "." + parts[2],
                parts[0] + "x." + parts[1] + "." + parts[2], "a." + parts[1] + ".b", parts[0] + "." + parts[1],
                parts[0] + "." + parts[1] + "." + parts[2] + ".x")) {
            assertThatThrownBy(() -> captchas.verify(forged, "ABCDEF")).as(forged)
                    .isInstanceOf(ValidationFailedException.class);
        }
        assertThat(mongo.getCollection(Captchas.SPENT).countDocuments()).isEqualTo(spentBefore);
    }

    @Test
    @DisplayName("R-ACC-10 a spent captcha is kept while its id could still be used, then removed")
    void spentCaptchasAreRemovedOnceExpired() {
        IssuedCaptcha first = captchas.issue();
        captchas.verify(first.id(), first.answer());
        String nonce = first.id().split("\\.")[0];

        clock.advance(Duration.ofMinutes(5));
        IssuedCaptcha second = captchas.issue();
        captchas.verify(second.id(), second.answer());
        assertThat(mongo.findById(nonce, Document.class, Captchas.SPENT)).as("within the clocks' minute").isNotNull();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        IssuedCaptcha third = captchas.issue();
        captchas.verify(third.id(), third.answer());
        assertThat(mongo.findById(nonce, Document.class, Captchas.SPENT)).isNull();
        assertThatThrownBy(() -> captchas.verify(first.id(), first.answer()))
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

package mx.gob.inm.preregistro.identity.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaptchaAnswerTest {

    @Test
    @DisplayName("R-ACC-10 the answer is stored only as a salted SHA-256: same answer, other salt, other hash; case does not matter")
    void saltedHash() {
        String salt = CaptchaAnswer.newSalt(new SecureRandom());
        String hash = CaptchaAnswer.hash(salt, "K7PQ2X");

        assertThat(hash).hasSize(64).doesNotContain("K7PQ2X");
        assertThat(CaptchaAnswer.hash(CaptchaAnswer.newSalt(new SecureRandom()), "K7PQ2X")).isNotEqualTo(hash);
        assertThat(CaptchaAnswer.matches(salt, hash, "k7pq2x")).isTrue();
        assertThat(CaptchaAnswer.matches(salt, hash, " K7PQ2X ")).isTrue();
        assertThat(CaptchaAnswer.matches(salt, hash, "K7PQ2Y")).isFalse();
        assertThat(CaptchaAnswer.matches(salt, hash, null)).isFalse();
    }

    @Test
    @DisplayName("R-ACC-10 the text has 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L)")
    void unambiguousText() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            assertThat(CaptchaAnswer.random(6, random)).hasSize(6).doesNotContainAnyWhitespaces()
                    .matches("[" + CaptchaAnswer.ALPHABET + "]+").doesNotContain("0", "O", "1", "I", "L");
        }
    }

    @Test
    @DisplayName("R-ACC-10 the image is a PNG drawn on the server (headless)")
    void png() throws Exception {
        byte[] png = CaptchaImage.png("K7PQ2X", new Random(3));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isPositive();
    }
}

package mx.gob.inm.preregistro.platform.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaptchaAnswerTest {

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
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isPositive();
    }
}

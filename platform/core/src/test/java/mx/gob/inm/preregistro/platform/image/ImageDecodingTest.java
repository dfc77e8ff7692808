package mx.gob.inm.preregistro.platform.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageDecodingTest {

    @Test
    @DisplayName("R-DOC-3 the pixels a PNG declares are read from its header alone, and decoding refuses more than allowed before it starts")
    void declaredBeforeDecoded() throws Exception {
        byte[] photo = png(640, 480);
        assertThat(ImageDecoding.declaredPixels(photo, "png")).isEqualTo(640 * 480);
        assertThat(ImageDecoding.decode(photo, "png", 640 * 480).getWidth()).isEqualTo(640);
        assertThatThrownBy(() -> ImageDecoding.decode(photo, "png", 640 * 480 - 1))
                .isInstanceOfSatisfying(ImageDecoding.RefusedImage.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(ImageDecoding.Refusal.DIMENSIONS));

        // 30 000 × 30 000 declared by a header and a few bytes: counted, never decoded
        byte[] bomb = Arrays.copyOf(photo, 33);
        ByteBuffer.wrap(bomb, 16, 8).putInt(30_000).putInt(30_000);
        assertThat(ImageDecoding.declaredPixels(bomb, "png")).isEqualTo(900_000_000L);
    }

    @Test
    @DisplayName("R-DOC-3 bytes whose header cannot be read, and an image cut short, are UNREADABLE")
    void unreadable() throws Exception {
        byte[] photo = png(64, 64);
        assertThatThrownBy(() -> ImageDecoding.declaredPixels(Arrays.copyOf(photo, 12), "png"))
                .isInstanceOfSatisfying(ImageDecoding.RefusedImage.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(ImageDecoding.Refusal.UNREADABLE));
        assertThatThrownBy(() -> ImageDecoding.decode(Arrays.copyOf(photo, photo.length - 30), "png", 10_000))
                .isInstanceOfSatisfying(ImageDecoding.RefusedImage.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(ImageDecoding.Refusal.UNREADABLE));
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x336699);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

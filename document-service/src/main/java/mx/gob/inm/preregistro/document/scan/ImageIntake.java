package mx.gob.inm.preregistro.document.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.http.HttpStatus;

import mx.gob.inm.preregistro.platform.image.ImageDecoding;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Accepts an uploaded document image only if it really is a PNG or JPEG (by its first bytes, never its name),
 * within the byte limit, with a pixel count read from the header before anything is decoded (a small file can
 * declare a huge image), and decodable to the end (a truncated JPEG decodes with a warning, which is refused). The
 * accepted image is turned upright (EXIF orientation) and re-encoded, which drops every metadata block (location,
 * device) the photo carried.
 */
public final class ImageIntake {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final long maxBytes;
    private final long maxPixels;

    public ImageIntake(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** An accepted image: upright, decoded, and re-encoded without metadata. */
    public record AcceptedImage(BufferedImage image, byte[] bytes, String contentType) {
    }

    /**
     * The pixels {@code bytes} declares, once what needs no decoding is checked (bytes, type, pixel count): what
     * {@link #accept} and reading it will hold in memory.
     */
    public long declaredPixels(byte[] bytes) {
        String format = format(bytes);
        long pixels;
        try {
            pixels = ImageDecoding.declaredPixels(bytes, format);
        } catch (ImageDecoding.RefusedImage refused) {
            throw refusal(refused.refusal());
        }
        if (pixels > maxPixels) {
            throw refusal(ImageDecoding.Refusal.DIMENSIONS);
        }
        return pixels;
    }

    public AcceptedImage accept(byte[] bytes) {
        String format = format(bytes);
        BufferedImage decoded = decode(bytes, format);
        BufferedImage upright = format.equals("jpeg") ? ExifOrientation.apply(decoded, ExifOrientation.read(bytes))
                : decoded;
        BufferedImage rgb = new BufferedImage(upright.getWidth(), upright.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(upright, 0, 0, Color.WHITE, null);
        g.dispose();
        return new AcceptedImage(rgb, encode(rgb, format), format.equals("png") ? "image/png" : "image/jpeg");
    }

    /** An accepted image after a change (a crop), encoded again in its format. */
    AcceptedImage reencode(BufferedImage image, String contentType) {
        return new AcceptedImage(image, encode(image, contentType.equals("image/png") ? "png" : "jpeg"), contentType);
    }

    /** {@code png} or {@code jpeg}, by the first bytes, of an image within the byte limit. */
    private String format(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "image_too_large");
        }
        String format = startsWith(bytes, PNG) ? "png" : startsWith(bytes, JPEG) ? "jpeg" : null;
        if (format == null) {
            throw ValidationFailedException.of("image", "image_type");
        }
        return format;
    }

    private BufferedImage decode(byte[] bytes, String format) {
        try {
            return ImageDecoding.decode(bytes, format, maxPixels);
        } catch (ImageDecoding.RefusedImage refused) {
            throw refusal(refused.refusal());
        }
    }

    private ValidationFailedException refusal(ImageDecoding.Refusal refusal) {
        return refusal == ImageDecoding.Refusal.DIMENSIONS
                ? ValidationFailedException.of("image", "image_dimensions", maxPixels / 1_000_000)
                : ValidationFailedException.of("image", "image_unreadable");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding an accepted image failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

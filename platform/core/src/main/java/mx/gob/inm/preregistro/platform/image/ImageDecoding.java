package mx.gob.inm.preregistro.platform.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an uploaded PNG or JPEG only when it is safe and whole: the pixel count its header declares is checked
 * before anything is decoded (a few kilobytes can declare gigabytes of pixels), and an image that decodes only with
 * a warning (truncated, damaged) is refused.
 */
public final class ImageDecoding {

    /** {@link #check} keeps one pixel in this many, across and down. */
    private static final int CHECK_SAMPLING = 8;

    private ImageDecoding() {
    }

    /** Why an image was refused. */
    public enum Refusal {
        /** Its header declares no pixels, or more than allowed. */
        DIMENSIONS,
        /** It does not decode to the end. */
        UNREADABLE
    }

    /** An image that is not decoded, and why. */
    public static final class RefusedImage extends RuntimeException {

        private final Refusal refusal;

        RefusedImage(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * The image of {@code bytes} in {@code format} ({@code png} or {@code jpeg}).
     *
     * @throws RefusedImage when it declares more than {@code maxPixels} pixels or does not decode to the end
     */
    public static BufferedImage decode(byte[] bytes, String format, long maxPixels) {
        return read(bytes, format, maxPixels, 1);
    }

    /**
     * Checks what {@link #decode} checks, for an image that is only kept, not looked at: every row is still decoded
     * (so a damaged or cut image is found as before), but only one pixel in {@value #CHECK_SAMPLING} ×
     * {@value #CHECK_SAMPLING} is stored, which spares most of the work of filling the image's raster.
     *
     * @throws RefusedImage when it declares more than {@code maxPixels} pixels or does not decode to the end
     */
    public static void check(byte[] bytes, String format, long maxPixels) {
        read(bytes, format, maxPixels, CHECK_SAMPLING);
    }

    /**
     * The pixels the header of {@code bytes} in {@code format} declares, nothing decoded: what decoding it will
     * take, before anything is.
     *
     * @throws RefusedImage when it declares none, or its header cannot be read
     */
    public static long declaredPixels(byte[] bytes, String format) {
        return withReader(bytes, format, ImageDecoding::declaredPixels);
    }

    private static BufferedImage read(byte[] bytes, String format, long maxPixels, int sampling) {
        return withReader(bytes, format, reader -> {
            AtomicBoolean damaged = new AtomicBoolean();
            reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
            if (declaredPixels(reader) > maxPixels) {
                throw new RefusedImage(Refusal.DIMENSIONS);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(sampling, sampling, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (damaged.get() || image == null) {
                throw new RefusedImage(Refusal.UNREADABLE);
            }
            return image;
        });
    }

    private static long declaredPixels(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new RefusedImage(Refusal.DIMENSIONS);
        }
        return (long) width * height;
    }

    /** What is done with a reader set on an image's bytes. */
    private interface ReaderWork<T> {
        T on(ImageReader reader) throws IOException;
    }

    /** {@code work} on a reader of {@code bytes}; whatever fails in it, but a refusal, is {@code UNREADABLE}. */
    private static <T> T withReader(byte[] bytes, String format, ReaderWork<T> work) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            return work.on(reader);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedImage refused) {
                throw refused;
            }
            throw new RefusedImage(Refusal.UNREADABLE);
        } finally {
            reader.dispose();
        }
    }
}

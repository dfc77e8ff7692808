package mx.gob.inm.preregistro.document.scan;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0 in the APP1 "Exif" segment), which phones use instead of
 * turning the pixels: without it a portrait photo of a passport reaches the OCR lying on its side.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The orientation 1..8, 1 (as stored) when absent or unreadable. */
    static int read(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xff) {
            int marker = jpeg[pos + 1] & 0xff;
            int length = u16(jpeg, pos + 2, false);
            if (marker == 0xda || length < 2) {
                return 1;
            }
            if (marker == 0xe1 && pos + 10 <= jpeg.length && jpeg[pos + 4] == 'E' && jpeg[pos + 5] == 'x'
                    && jpeg[pos + 6] == 'i' && jpeg[pos + 7] == 'f') {
                return fromTiff(jpeg, pos + 10, Math.min(jpeg.length, pos + 2 + length));
            }
            pos += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        if (at + 2 > b.length) {
            return 0;
        }
        int hi = b[at] & 0xff;
        int lo = b[at + 1] & 0xff;
        return little ? lo << 8 | hi : hi << 8 | lo;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long first = u16(b, at, little);
        long second = u16(b, at + 2, little);
        return little ? second << 16 | first : first << 16 | second;
    }

    /** The image turned upright for the given orientation. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12; arguments in the order m00, m10, m01, m11, m02, m12
        AffineTransform t;
        switch (orientation) {
            case 2: t = new AffineTransform(-1, 0, 0, 1, w, 0); break;
            case 3: t = new AffineTransform(-1, 0, 0, -1, w, h); break;
            case 4: t = new AffineTransform(1, 0, 0, -1, 0, h); break;
            case 5: t = new AffineTransform(0, 1, 1, 0, 0, 0); break;
            case 6: t = new AffineTransform(0, 1, -1, 0, h, 0); break;
            case 7: t = new AffineTransform(0, -1, -1, 0, h, w); break;
            case 8: t = new AffineTransform(0, -1, 1, 0, 0, w); break;
            default: return image;
        }
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(toRgb(image), out);
        return out;
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }
}

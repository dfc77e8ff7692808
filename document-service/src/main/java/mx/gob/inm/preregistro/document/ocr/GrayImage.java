package mx.gob.inm.preregistro.document.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** A grayscale image as floats 0 (black) .. 255 (white), the working format of the MRZ pipeline. */
final class GrayImage {

    final int width;
    final int height;
    final float[] pixels;

    GrayImage(int width, int height) {
        this(width, height, new float[width * height]);
    }

    GrayImage(int width, int height, float[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        GrayImage gray = new GrayImage(w, h);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                gray.pixels[y * w + x] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff)
                        + 0.114f * (rgb & 0xff);
            }
        }
        return gray;
    }

    float at(int x, int y) {
        return pixels[y * width + x];
    }

    /** Bilinear sample; outside the image reads as white paper. */
    float sample(double x, double y) {
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
            return 255f;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        float bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** Shrinks by an integer factor, averaging each block (keeps thin strokes visible). */
    GrayImage shrink(int factor) {
        if (factor <= 1) {
            return this;
        }
        GrayImage out = new GrayImage(width / factor, height / factor);
        float area = factor * factor;
        for (int y = 0; y < out.height; y++) {
            for (int x = 0; x < out.width; x++) {
                float sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int base = (y * factor + dy) * width + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += pixels[base + dx];
                    }
                }
                out.pixels[y * out.width + x] = sum / area;
            }
        }
        return out;
    }

    /** Ink where a pixel is clearly darker than its neighbourhood (window {@code 2r+1}): robust to uneven light. */
    boolean[] inkMask(int radius, float contrast) {
        double[] integral = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += pixels[y * width + x];
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + rowSum;
            }
        }
        boolean[] ink = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            int ya = Math.max(0, y - radius);
            int yb = Math.min(height, y + radius + 1);
            for (int x = 0; x < width; x++) {
                int xa = Math.max(0, x - radius);
                int xb = Math.min(width, x + radius + 1);
                double sum = integral[yb * (width + 1) + xb] - integral[ya * (width + 1) + xb]
                        - integral[yb * (width + 1) + xa] + integral[ya * (width + 1) + xa];
                double mean = sum / ((yb - ya) * (xb - xa));
                float v = pixels[y * width + x];
                ink[y * width + x] = v < mean * (1 - contrast) && mean - v > 12;
            }
        }
        return ink;
    }

    BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            data[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
        }
        return image;
    }

    /** A copy blurred with a Gaussian of {@code sigma} pixels (separable); {@code sigma <= 0} gives this image. */
    GrayImage blurred(double sigma) {
        if (sigma <= 0) {
            return this;
        }
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        GrayImage across = new GrayImage(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * pixels[y * width + Math.max(0, Math.min(width - 1, x + k))];
                }
                across.pixels[y * width + x] = v;
            }
        }
        GrayImage out = new GrayImage(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * across.pixels[Math.max(0, Math.min(height - 1, y + k)) * width + x];
                }
                out.pixels[y * width + x] = v;
            }
        }
        return out;
    }

    /** This image turned half round (180 degrees), for a page photographed upside down. */
    GrayImage turned() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[pixels.length - 1 - i] = pixels[i];
        }
        return new GrayImage(width, height, out);
    }
}

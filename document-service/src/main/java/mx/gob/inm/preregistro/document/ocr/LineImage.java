package mx.gob.inm.preregistro.document.ocr;

/**
 * One zone line resampled from the original photo into a straight strip with a fixed character height (upscaling
 * small photos, undoing rotation and perspective), its light normalised column by column, and cut into the fixed
 * character cells of the MRZ (OCR-B is monospaced, so a line of N characters is N equal cells).
 */
final class LineImage {

    static final int CAP_HEIGHT = 32;

    final GrayImage normalised;
    final int textTop;
    final int textBottom;
    private final boolean[] ink;

    private LineImage(GrayImage normalised) {
        this.normalised = normalised;
        this.ink = new boolean[normalised.pixels.length];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = normalised.pixels[i] < 128;
        }
        int[] rows = new int[normalised.height];
        int max = 0;
        for (int y = 0; y < normalised.height; y++) {
            for (int x = 0; x < normalised.width; x++) {
                if (ink[y * normalised.width + x]) {
                    rows[y]++;
                }
            }
            max = Math.max(max, rows[y]);
        }
        int centre = normalised.height / 2;
        int top = centre;
        int bottom = centre;
        int threshold = Math.max(1, max / 8);
        while (top > 0 && rows[top - 1] >= threshold) {
            top--;
        }
        while (bottom < normalised.height - 1 && rows[bottom + 1] >= threshold) {
            bottom++;
        }
        this.textTop = top;
        this.textBottom = bottom;
    }

    /** Resamples {@code line} from {@code source}. */
    static LineImage rectify(GrayImage source, TextLine line) {
        double scale = CAP_HEIGHT / line.height();
        double length = line.length();
        double dx = (line.x1() - line.x0()) / length;
        double dy = (line.y1() - line.y0()) / length;
        int margin = CAP_HEIGHT;
        int width = (int) Math.round(length * scale) + 2 * margin;
        int height = CAP_HEIGHT * 2;
        GrayImage strip = new GrayImage(width, height);
        for (int v = 0; v < height; v++) {
            double n = (v - height / 2.0) / scale;
            for (int u = 0; u < width; u++) {
                double t = (u - margin) / scale;
                strip.pixels[v * width + u] = source.sample(line.x0() + t * dx - n * dy, line.y0() + t * dy + n * dx);
            }
        }
        return new LineImage(normaliseLight(strip));
    }

    static LineImage of(GrayImage strip) {
        return new LineImage(normaliseLight(strip));
    }

    /** Stretches each neighbourhood of columns to full contrast, so shadows and glare along the line disappear. */
    private static GrayImage normaliseLight(GrayImage strip) {
        int w = strip.width;
        int h = strip.height;
        float[] low = new float[w];
        float[] high = new float[w];
        for (int x = 0; x < w; x++) {
            float min = 255;
            float max = 0;
            for (int y = 0; y < h; y++) {
                float v = strip.pixels[y * w + x];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            low[x] = min;
            high[x] = max;
        }
        int window = h / 2;
        GrayImage out = new GrayImage(w, h);
        for (int x = 0; x < w; x++) {
            float min = 255;
            float max = 0;
            for (int k = Math.max(0, x - window); k <= Math.min(w - 1, x + window); k++) {
                min = Math.min(min, low[k]);
                max = Math.max(max, high[k]);
            }
            float range = max - min;
            for (int y = 0; y < h; y++) {
                float v = strip.pixels[y * w + x];
                out.pixels[y * w + x] = range < 40 ? 255 : Math.max(0, Math.min(255, (v - min) / range * 255));
            }
        }
        return out;
    }

    /**
     * The left edges of {@code count} cells plus the right edge of the last, placed where the gaps between
     * characters fall: the pitch (and a slight change of pitch along the line, from perspective) and the offset
     * are chosen so that cell borders cross as little ink as possible.
     */
    double[] cells(int count) {
        int w = normalised.width;
        float[] columns = new float[w];
        for (int x = 0; x < w; x++) {
            for (int y = textTop; y <= textBottom; y++) {
                if (ink[y * w + x]) {
                    columns[x]++;
                }
            }
        }
        int first = 0;
        while (first < w - 3 && !(columns[first] > 0 && columns[first + 1] > 0 && columns[first + 2] > 0)) {
            first++;
        }
        int last = w - 1;
        while (last > 3 && !(columns[last] > 0 && columns[last - 1] > 0 && columns[last - 2] > 0)) {
            last--;
        }
        double span = last - first + 1;
        double basePitch = span / (count - 0.15);
        double best = Double.MAX_VALUE;
        double[] bestEdges = null;
        for (double k = 0.95; k <= 1.05; k += 0.005) {
            double pitch = basePitch * k;
            for (double drift = -0.06; drift <= 0.061; drift += 0.015) {
                for (double offset = -0.35 * pitch; offset <= 0.2 * pitch; offset += 0.5) {
                    double[] edges = edges(first + offset, pitch, drift, count);
                    double score = 0;
                    for (double edge : edges) {
                        int x = (int) Math.round(edge);
                        score += x < 0 || x >= w ? 0 : columns[x];
                    }
                    double overrun = Math.max(0, edges[count] - last - 0.4 * pitch) + Math.max(0, first - edges[0] - 0.4 * pitch);
                    score += overrun * textHeight();
                    if (score < best) {
                        best = score;
                        bestEdges = edges;
                    }
                }
            }
        }
        return bestEdges;
    }

    private static double[] edges(double start, double pitch, double drift, int count) {
        double[] edges = new double[count + 1];
        double x = start;
        for (int i = 0; i <= count; i++) {
            edges[i] = x;
            x += pitch * (1 + drift * (i - count / 2.0) / count * 2);
        }
        return edges;
    }

    /** The text band with a little margin, at the smaller scale Tesseract reads fastest (characters ~20 px high). */
    GrayImage forTesseract() {
        double scale = 20.0 / textHeight();
        int top = Math.max(0, textTop - textHeight() / 2);
        int bottom = Math.min(normalised.height - 1, textBottom + textHeight() / 2);
        int w = (int) Math.round(normalised.width * scale);
        int h = (int) Math.round((bottom - top + 1) * scale);
        GrayImage out = new GrayImage(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.pixels[y * w + x] = normalised.sample(x / scale, top + y / scale);
            }
        }
        return out;
    }

    int textHeight() {
        return textBottom - textTop + 1;
    }
}

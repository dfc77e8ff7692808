package mx.gob.inm.preregistro.document.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One zone line resampled from the original photo into a straight strip with a fixed character height (upscaling
 * small photos, undoing rotation and perspective), its light normalised column by column, and cut into the fixed
 * character cells of the MRZ (OCR-B is monospaced, so a line of N characters is N equal cells).
 */
final class LineImage {

    static final int CAP_HEIGHT = 32;
    /** The character height of the strip Tesseract reads, at which it reads fastest. */
    static final double TESSERACT_HEIGHT = 20.0;

    final GrayImage normalised;
    final int textTop;
    final int textBottom;
    private final boolean[] ink;
    private final boolean[] solidColumn;

    private LineImage(GrayImage normalised) {
        this.normalised = normalised;
        PageEdge.paintOutDesk(normalised, CAP_HEIGHT);
        this.ink = new boolean[normalised.pixels.length];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = normalised.pixels[i] < 128;
        }
        int w = normalised.width;
        int h = normalised.height;
        solidColumn = new boolean[w];
        for (int x = 0; x < w; x++) {
            int count = 0;
            for (int y = 0; y < h; y++) {
                if (ink[y * w + x]) {
                    count++;
                }
            }
            solidColumn[x] = count > h * 4 / 5;
        }
        int[] rows = new int[h];
        int max = 0;
        int solid = w * 4 / 5;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x] && !solidColumn[x]) {
                    rows[y]++;
                }
            }
            if (rows[y] < solid) {
                max = Math.max(max, rows[y]);
            }
        }
        // a row of text has gaps between its characters; an almost solid row or column is the desk past the page
        int centre = normalised.height / 2;
        int top = centre;
        int bottom = centre;
        int threshold = Math.max(1, max / 8);
        int tallest = CAP_HEIGHT * 5 / 4;
        while (top > 0 && rows[top - 1] >= threshold && rows[top - 1] < solid && bottom - top < tallest) {
            top--;
        }
        while (bottom < normalised.height - 1 && rows[bottom + 1] >= threshold && rows[bottom + 1] < solid
                && bottom - top < tallest) {
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
                // past the photo's border, its nearest pixel: the desk at the border goes on as desk
                double x = Math.max(0, Math.min(source.width - 1, line.x0() + t * dx - n * dy));
                double y = Math.max(0, Math.min(source.height - 1, line.y0() + t * dy + n * dx));
                strip.pixels[v * width + u] = source.sample(x, y);
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
        return cuts(count, 1).get(0);
    }

    /**
     * The best {@code n} ways to cut the line into {@code count} cells with clearly different pitches, best first:
     * when the best cut reads as nonsense (one cell out of step), one of the others usually is the line.
     */
    List<double[]> cuts(int count, int n) {
        int w = normalised.width;
        float[] columns = new float[w];
        for (int x = 0; x < w; x++) {
            for (int y = textTop; y <= textBottom && !solidColumn[x]; y++) {
                if (ink[y * w + x]) {
                    columns[x]++;
                }
            }
        }
        // ink touching an end of the strip lies in the margin past the line: the desk's edge or a shadow, no character
        for (int x = 0; x < w && columns[x] > 0; x++) {
            columns[x] = 0;
        }
        for (int x = w - 1; x >= 0 && columns[x] > 0; x--) {
            columns[x] = 0;
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
        int buckets = 21;
        double[] best = new double[buckets];
        double[][] bestEdges = new double[buckets][];
        Arrays.fill(best, Double.MAX_VALUE);
        for (double k = 0.95; k <= 1.05; k += 0.005) {
            double pitch = basePitch * k;
            for (double drift = -0.15; drift <= 0.151; drift += 0.015) {
                for (double offset = -0.35 * pitch; offset <= 0.2 * pitch; offset += 0.5) {
                    double[] edges = edges(first + offset, pitch, drift, count);
                    double score = 0;
                    for (double edge : edges) {
                        int x = (int) Math.round(edge);
                        score += x < 0 || x >= w ? 0 : columns[x];
                    }
                    // cells running past the ink, or ink left outside the cells, at either end
                    double overrun = Math.max(0, edges[count] - last - 0.4 * pitch) + Math.max(0, first - edges[0] - 0.4 * pitch);
                    double underrun = Math.max(0, last - edges[count] - 0.2 * pitch) + Math.max(0, edges[0] - first - 0.2 * pitch);
                    score += (overrun + underrun) * textHeight();
                    int bucket = (int) Math.min(buckets - 1, Math.max(0, Math.round((k - 0.95) / 0.005)));
                    if (score < best[bucket]) {
                        best[bucket] = score;
                        bestEdges[bucket] = edges;
                    }
                }
            }
        }
        // one cut per pitch step, best first, keeping only local optima so the alternatives really differ
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            boolean localBest = (b == 0 || best[b] <= best[b - 1]) && (b == buckets - 1 || best[b] <= best[b + 1]);
            if (bestEdges[b] != null && localBest) {
                order.add(b);
            }
        }
        order.sort(Comparator.comparingDouble(b -> best[b]));
        List<double[]> out = new ArrayList<>();
        for (int b : order.subList(0, Math.min(n, order.size()))) {
            out.add(bestEdges[b]);
        }
        return out;
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
        double scale = TESSERACT_HEIGHT / textHeight();
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

    /**
     * The longest vertical stroke in the cell {@code [left, right)}, as a share of the text height: near 1 for K, E
     * or L (a stem), well below for the filler {@code <}, whose strokes are slanted.
     */
    double stem(double left, double right) {
        int w = normalised.width;
        double slack = 0.1 * (right - left);
        int from = Math.max(0, (int) Math.floor(left - slack));
        int to = Math.min(w - 1, (int) Math.ceil(right + slack));
        int best = 0;
        for (int x = from; x <= to; x++) {
            int run = 0;
            int longest = 0;
            for (int y = textTop; y <= textBottom; y++) {
                run = normalised.pixels[y * w + x] < 128 ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            best = Math.max(best, longest);
        }
        return best / (double) textHeight();
    }

    /**
     * The height of the ink in the cell {@code [left, right)}, from its highest to its lowest inked point, to a
     * fraction of a pixel: OCR-B digits are taller than capitals, which tells a 0 from an O when blur has smoothed
     * away their difference in shape.
     */
    double inkHeight(double left, double right) {
        int w = normalised.width;
        double pitch = right - left;
        int from = Math.max(0, (int) Math.round(left + 0.15 * pitch));
        int to = Math.min(w - 1, (int) Math.round(right - 0.15 * pitch));
        int reach = textHeight() / 4;
        int y0 = Math.max(1, textTop - reach);
        int y1 = Math.min(normalised.height - 2, textBottom + reach);
        // mid-way between paper and the cell's darkest ink: a thin stroke blurred pale keeps its extent
        float darkest = 255;
        for (int y = y0; y <= y1; y++) {
            for (int x = from; x <= to; x++) {
                darkest = Math.min(darkest, normalised.pixels[y * w + x]);
            }
        }
        if (darkest > 128) {
            return Double.NaN;
        }
        float edge = (255 + darkest) / 2;
        double highest = Double.MAX_VALUE;
        double nextHighest = Double.MAX_VALUE;
        double lowest = -Double.MAX_VALUE;
        double nextLowest = -Double.MAX_VALUE;
        for (int x = from; x <= to; x++) {
            for (int y = y0; y <= y1; y++) {
                if (normalised.pixels[y * w + x] < edge) {
                    double top = y - crossing(normalised.pixels[y * w + x], normalised.pixels[(y - 1) * w + x],
                            edge);
                    nextHighest = Math.min(nextHighest, Math.max(highest, top));
                    highest = Math.min(highest, top);
                    break;
                }
            }
            for (int y = y1; y >= y0; y--) {
                if (normalised.pixels[y * w + x] < edge) {
                    double bottom = y + crossing(normalised.pixels[y * w + x], normalised.pixels[(y + 1) * w + x],
                            edge);
                    nextLowest = Math.max(nextLowest, Math.min(lowest, bottom));
                    lowest = Math.max(lowest, bottom);
                    break;
                }
            }
        }
        // the second highest and lowest points, so that one speck of noise does not count
        if (nextHighest == Double.MAX_VALUE || nextLowest == -Double.MAX_VALUE) {
            return Double.NaN;
        }
        return nextLowest - nextHighest;
    }

    /** How far from an inked pixel towards its paper neighbour the grey {@code edge} lies, in pixels. */
    private static double crossing(float ink, float paper, float edge) {
        return paper <= ink ? 0 : Math.min(1, (edge - ink) / (paper - ink));
    }

    int textHeight() {
        return textBottom - textTop + 1;
    }
}

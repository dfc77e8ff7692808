package mx.gob.inm.preregistro.document.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the machine-readable zone on a photographed page: works on a reduced copy, marks ink relative to its
 * neighbourhood (uneven light), finds the page's text angle by projection profiles, then joins characters into text
 * lines and picks the lowest group of two (TD3) or three (TD1) long, parallel lines of equal width. Each line is then
 * fitted on its own, so a page seen in perspective (lines converging) still gives straight, exact lines.
 */
final class MrzLocator {

    private static final int WORKING_SIZE = 1000;
    /** The share of the inked rows, from the bottom, whose own angle is tried for the zone. */
    private static final double FOOT = 0.35;
    /** How far (degrees) the foot's angle is searched from the page's. */
    private static final double FOOT_RANGE = 8;
    /** How much longer the lines found at the foot's angle must be to be taken instead of those at the page's. */
    private static final double LONGER = 1.25;
    /** A foot angle closer than this (radians) to the page's is the page's. */
    private static final double MIN_ANGLE_CHANGE = Math.toRadians(0.5);

    /** The zone's lines, top to bottom, in source coordinates; empty when no zone is found. */
    List<TextLine> locate(GrayImage source) {
        int factor = Math.max(1, (int) Math.ceil(Math.max(source.width, source.height) / (double) WORKING_SIZE));
        GrayImage small = blur(source.shrink(factor));
        boolean[] ink = small.inkMask(Math.max(8, small.width / 40), 0.12f);
        double angle = textAngle(ink, small.width, small.height);
        RotatedInk rotated = new RotatedInk(ink, small.width, small.height, angle);
        List<Component> zone = pickZone(textLines(rotated));
        // seen in perspective, the zone's lines at the foot of the page run at another angle than the text above
        // them, and at the page's angle they can touch each other: the foot of the page gives its own angle, and
        // its zone is taken when the page's angle found none or clearly shorter lines (other text of the page; the
        // zone's lines are the page's longest)
        double footAngle = footAngle(rotated, angle);
        if (Math.abs(footAngle - angle) >= MIN_ANGLE_CHANGE) {
            RotatedInk atFoot = new RotatedInk(ink, small.width, small.height, footAngle);
            List<Component> footZone = pickZone(textLines(atFoot));
            if (!footZone.isEmpty() && (zone.isEmpty() || footZone.get(0).width() > LONGER * zone.get(0).width())) {
                rotated = atFoot;
                zone = footZone;
            }
        }
        List<TextLine> result = new ArrayList<>();
        for (Component line : zone) {
            TextLine fitted = fit(rotated, line);
            if (fitted == null) {
                return List.of();
            }
            result.add(toSource(fitted, rotated, factor));
        }
        return result;
    }

    /**
     * The text angle of the lowest part of the page (as {@code rotated} stands, turned by {@code angle}), where the
     * zone is: the projection-profile angle of the ink in the lowest {@link #FOOT} of the inked rows, searched
     * within {@link #FOOT_RANGE} degrees of {@code angle}.
     */
    private static double footAngle(RotatedInk rotated, double angle) {
        int w = rotated.width;
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < rotated.height; y++) {
            for (int x = 0; x < w; x++) {
                if (rotated.ink[y * w + x]) {
                    bottom = y;
                    if (top < 0) {
                        top = y;
                    }
                    break;
                }
            }
        }
        if (top < 0) {
            return angle;
        }
        int from = (int) (bottom - FOOT * (bottom - top));
        int count = 0;
        for (int i = from * w; i < rotated.ink.length; i++) {
            if (rotated.ink[i]) {
                count++;
            }
        }
        int step = Math.max(1, count / 30000);
        int[] xs = new int[count / step + 1];
        int[] ys = new int[count / step + 1];
        int n = 0;
        int seen = 0;
        for (int i = from * w; i < rotated.ink.length; i++) {
            if (rotated.ink[i] && seen++ % step == 0 && n < xs.length) {
                xs[n] = i % w;
                ys[n] = i / w;
                n++;
            }
        }
        double delta = sharpestAngle(xs, ys, n, -FOOT_RANGE, FOOT_RANGE, w + rotated.height);
        return angle + Math.toRadians(delta);
    }

    private static GrayImage blur(GrayImage image) {
        GrayImage out = new GrayImage(image.width, image.height);
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                float sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < image.width && yy < image.height) {
                            sum += image.pixels[yy * image.width + xx];
                            n++;
                        }
                    }
                }
                out.pixels[y * image.width + x] = sum / n;
            }
        }
        return out;
    }

    /** The angle (radians) at which the ink's horizontal projection is sharpest: the direction of the text lines. */
    static double textAngle(boolean[] ink, int width, int height) {
        int count = 0;
        for (boolean b : ink) {
            if (b) {
                count++;
            }
        }
        int step = Math.max(1, count / 60000);
        int[] xs = new int[count / step + 1];
        int[] ys = new int[count / step + 1];
        int n = 0;
        int seen = 0;
        for (int i = 0; i < ink.length; i++) {
            if (ink[i] && seen++ % step == 0 && n < xs.length) {
                xs[n] = i % width;
                ys[n] = i / width;
                n++;
            }
        }
        return Math.toRadians(sharpestAngle(xs, ys, n, -30, 30, width + height));
    }

    /** The angle in degrees, between {@code from} and {@code to}, at which the points' projection is sharpest. */
    private static double sharpestAngle(int[] xs, int[] ys, int n, double from, double to, int span) {
        double best = 0;
        double bestScore = -1;
        for (double degrees = from; degrees <= to; degrees += 1) {
            double score = sharpness(xs, ys, n, Math.toRadians(degrees), span);
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        double coarse = best;
        for (double degrees = coarse - 1; degrees <= coarse + 1; degrees += 0.1) {
            double score = sharpness(xs, ys, n, Math.toRadians(degrees), span);
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        return best;
    }

    private static double sharpness(int[] xs, int[] ys, int n, double angle, int span) {
        double sin = Math.sin(angle);
        double cos = Math.cos(angle);
        int[] bins = new int[2 * span + 1];
        for (int i = 0; i < n; i++) {
            int bin = (int) Math.round(-xs[i] * sin + ys[i] * cos) + span;
            if (bin >= 0 && bin < bins.length) {
                bins[bin]++;
            }
        }
        double score = 0;
        for (int b : bins) {
            score += (double) b * b;
        }
        return score;
    }

    /** Characters joined horizontally (run-length smoothing) into line-shaped components. */
    private static List<Component> textLines(RotatedInk rotated) {
        int w = rotated.width;
        int h = rotated.height;
        boolean[] smeared = rotated.ink.clone();
        int gap = Math.max(6, w / 60);
        for (int y = 0; y < h; y++) {
            int last = -1;
            for (int x = 0; x < w; x++) {
                if (rotated.ink[y * w + x]) {
                    if (last >= 0 && x - last <= gap) {
                        for (int f = last + 1; f < x; f++) {
                            smeared[y * w + f] = true;
                        }
                    }
                    last = x;
                }
            }
        }
        List<Component> components = Component.label(smeared, w, h);
        List<Component> lines = new ArrayList<>();
        for (Component c : components) {
            int cw = c.maxX - c.minX + 1;
            int ch = c.maxY - c.minY + 1;
            if (cw >= w / 5 && ch >= 4 && cw >= 10 * ch && hasCharacterGaps(rotated, c)) {
                lines.add(c);
            }
        }
        lines.sort(Comparator.comparingDouble(Component::centreY));
        return lines;
    }

    /** Text has blank columns between its characters; an edge of the page or a shadow is solid along its length. */
    private static boolean hasCharacterGaps(RotatedInk rotated, Component c) {
        int blank = 0;
        for (int x = c.minX; x <= c.maxX; x++) {
            boolean ink = false;
            for (int y = c.minY; y <= c.maxY && !ink; y++) {
                ink = rotated.ink[y * rotated.width + x];
            }
            if (!ink) {
                blank++;
            }
        }
        return blank >= 0.06 * c.width();
    }

    /** The lowest group of 3 (TD1) or 2 (TD3) stacked lines of about equal width and start. */
    private static List<Component> pickZone(List<Component> lines) {
        for (int i = lines.size() - 1; i >= 1; i--) {
            Component bottom = lines.get(i);
            Component middle = lines.get(i - 1);
            if (!stacked(middle, bottom)) {
                continue;
            }
            if (i >= 2 && stacked(lines.get(i - 2), middle) && evenlySpaced(lines.get(i - 2), middle, bottom)) {
                return List.of(lines.get(i - 2), middle, bottom);
            }
            return List.of(middle, bottom);
        }
        return List.of();
    }

    private static boolean evenlySpaced(Component top, Component middle, Component bottom) {
        double upper = middle.centreY() - top.centreY();
        double lower = bottom.centreY() - middle.centreY();
        return Math.abs(upper - lower) <= 0.25 * Math.max(upper, lower);
    }

    private static boolean stacked(Component upper, Component lower) {
        double width = Math.max(upper.width(), lower.width());
        double height = Math.max(upper.height(), lower.height());
        double heightRatio = Math.max(upper.height(), lower.height()) / (double) Math.min(upper.height(), lower.height());
        return heightRatio <= 1.4
                && Math.abs(upper.width() - lower.width()) <= 0.12 * width
                && Math.abs(upper.minX - lower.minX) <= 0.08 * width
                && lower.centreY() - upper.centreY() <= 3.5 * height
                && lower.centreY() > upper.centreY();
    }

    /** Straight line through the ink of one component, and its character height, in the rotated frame. */
    private static TextLine fit(RotatedInk rotated, Component line) {
        int w = rotated.width;
        int pad = Math.max(2, line.height() / 3);
        int top = Math.max(0, line.minY - pad);
        int bottom = Math.min(rotated.height - 1, line.maxY + pad);
        int bins = 12;
        double binWidth = (line.maxX - line.minX + 1) / (double) bins;
        List<double[]> centres = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int xa = line.minX + (int) (b * binWidth);
            int xb = line.minX + (int) ((b + 1) * binWidth);
            long sumY = 0;
            int count = 0;
            int[] rows = new int[bottom - top + 1];
            for (int y = top; y <= bottom; y++) {
                for (int x = xa; x < xb; x++) {
                    if (rotated.ink[y * w + x] && line.contains(x, y)) {
                        sumY += y;
                        count++;
                        rows[y - top]++;
                    }
                }
            }
            if (count < 4) {
                continue;
            }
            centres.add(new double[] {(xa + xb) / 2.0, sumY / (double) count});
            int first = -1;
            int last = -1;
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] > 0) {
                    last = r;
                    if (first < 0) {
                        first = r;
                    }
                }
            }
            heights.add(last - first + 1);
        }
        if (centres.size() < 4) {
            return null;
        }
        double[] ab = leastSquares(centres);
        heights.sort(Integer::compare);
        double height = heights.get(heights.size() * 3 / 4);
        return new TextLine(line.minX, ab[0] * line.minX + ab[1], line.maxX + 1, ab[0] * (line.maxX + 1) + ab[1],
                height);
    }

    private static double[] leastSquares(List<double[]> points) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = points.size();
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {slope, (sy - slope * sx) / n};
    }

    private static TextLine toSource(TextLine line, RotatedInk rotated, int factor) {
        double[] a = rotated.toSmall(line.x0(), line.y0());
        double[] b = rotated.toSmall(line.x1(), line.y1());
        double offset = (factor - 1) / 2.0;
        return new TextLine(a[0] * factor + offset, a[1] * factor + offset, b[0] * factor + offset,
                b[1] * factor + offset, line.height() * factor);
    }
}

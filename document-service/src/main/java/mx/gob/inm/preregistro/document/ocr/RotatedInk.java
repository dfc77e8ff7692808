package mx.gob.inm.preregistro.document.ocr;

/** The ink mask of a page turned by its text angle so that text lines are horizontal ({@link MrzLocator}). */
final class RotatedInk {

    final boolean[] ink;
    final int width;
    final int height;
    private final double sin;
    private final double cos;
    private final double minX;
    private final double minY;

    RotatedInk(boolean[] source, int sw, int sh, double angle) {
        sin = Math.sin(angle);
        cos = Math.cos(angle);
        double[] xs = {0, sw, 0, sw};
        double[] ys = {0, 0, sh, sh};
        double lx = Double.MAX_VALUE;
        double ly = Double.MAX_VALUE;
        double hx = -Double.MAX_VALUE;
        double hy = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double rx = xs[i] * cos + ys[i] * sin;
            double ry = -xs[i] * sin + ys[i] * cos;
            lx = Math.min(lx, rx);
            ly = Math.min(ly, ry);
            hx = Math.max(hx, rx);
            hy = Math.max(hy, ry);
        }
        minX = lx;
        minY = ly;
        width = (int) Math.ceil(hx - lx);
        height = (int) Math.ceil(hy - ly);
        ink = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = toSmall(x, y);
                int sx = (int) Math.round(p[0]);
                int sy = (int) Math.round(p[1]);
                if (sx >= 0 && sy >= 0 && sx < sw && sy < sh) {
                    ink[y * width + x] = source[sy * sw + sx];
                }
            }
        }
    }

    double[] toSmall(double x, double y) {
        double rx = x + minX;
        double ry = y + minY;
        return new double[] {rx * cos - ry * sin, rx * sin + ry * cos};
    }
}

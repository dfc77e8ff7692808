package mx.gob.inm.preregistro.fmme.pdf;

import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

/**
 * A QR code (ZXing) drawn as vector rectangles, so it stays sharp at any zoom and costs a few hundred bytes instead
 * of an image. Error correction M: the seal is Base45, which ZXing encodes in the dense alphanumeric mode.
 */
final class QrCode {

    /** Light modules around the code that scanners need (the standard's minimum is 4). */
    static final int QUIET_ZONE = 4;

    private final ByteMatrix modules;

    private QrCode(ByteMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            return new QrCode(Encoder.encode(text, ErrorCorrectionLevel.L,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix());
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /**
     * Draws the code, quiet zone included, in a square of {@code size} points whose lower-left corner is (x, y).
     * Dark modules are drawn as horizontal and as vertical runs: each pair of touching dark modules is then inside
     * one rectangle, so anti-aliasing renderers leave no light seam between them (a seam breaks the finder patterns
     * for a scanner reading a rendered page).
     */
    void draw(PdfCanvas canvas, float x, float y, float size) {
        int width = modules.getWidth();
        // whole pixels per module on a page rendered at 150 dpi (and so at 300): edges fall between pixels, not
        // across them, which keeps a scanner's reading of a rendered page sharp
        float module = (float) (Math.floor(size / (width + 2 * QUIET_ZONE) / PIXEL) * PIXEL);
        float left = snap(x + (size - width * module) / 2);
        float top = snap(y + (size + width * module) / 2);
        canvas.saveState().setFillColor(ColorConstants.BLACK);
        for (int line = 0; line < width; line++) {
            for (int[] run : runs(line, true)) {
                canvas.rectangle(left + run[0] * module, top - (line + 1) * module, (run[1] - run[0]) * module,
                        module);
            }
            for (int[] run : runs(line, false)) {
                canvas.rectangle(left + line * module, top - run[1] * module, module, (run[1] - run[0]) * module);
            }
        }
        canvas.fill().restoreState();
    }

    /** The size of one pixel, in points, of a page rendered at 150 dpi. */
    private static final double PIXEL = 72.0 / 150;

    private static float snap(float points) {
        return (float) (Math.round(points / PIXEL) * PIXEL);
    }

    /** The [start, end) runs of dark modules of a row ({@code horizontal}) or a column. */
    private java.util.List<int[]> runs(int line, boolean horizontal) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int width = modules.getWidth();
        int position = 0;
        while (position < width) {
            if (!dark(line, position, horizontal)) {
                position++;
                continue;
            }
            int start = position;
            while (position < width && dark(line, position, horizontal)) {
                position++;
            }
            runs.add(new int[] {start, position});
        }
        return runs;
    }

    private boolean dark(int line, int position, boolean horizontal) {
        return (horizontal ? modules.get(position, line) : modules.get(line, position)) == 1;
    }

    int moduleCount() {
        return modules.getWidth();
    }
}

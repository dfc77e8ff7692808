package mx.gob.inm.preregistro.fmme.pdf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

/**
 * A QR code (ZXing) drawn as vector rectangles, so it stays sharp at any zoom and costs a few hundred bytes instead
 * of an image. Error correction L: the seal is Base45, which ZXing encodes in the dense alphanumeric mode, and the
 * lowest level gives the largest modules for the printed size.
 *
 * <p>Every code is read back before it is printed. A scanner first looks for the three finder squares; about one
 * code in three hundred has, in its data, a run of modules that a detector takes for a fourth finder, and then no
 * reading of the printed page finds the code. The mask pattern (one of eight XOR patterns over the data, all equally
 * valid for any reader) changes those runs, so the code takes the first mask, starting with the one the standard's
 * penalty rules prefer, whose modules, at each size they are printed, a reference detector (ZXing's, with and
 * without its harder search) finds and decodes back to the text.
 */
final class QrCode {

    /** Light modules around the code that scanners need (the standard's minimum is 4). */
    static final int QUIET_ZONE = 4;

    /** The size of one pixel, in points, of a page rendered at 150 dpi. */
    private static final double PIXEL = 72.0 / 150;

    private static final int MASK_PATTERNS = 8;

    private final ByteMatrix modules;

    private QrCode(ByteMatrix modules) {
        this.modules = modules;
    }

    /**
     * The code of {@code text}, checked to scan when drawn in squares of each of {@code printedSizes} points.
     *
     * @throws IllegalArgumentException if the text does not fit in a QR code
     * @throws IllegalStateException if no mask pattern gives a code that scans (never seen; better than printing
     *     a form that cannot be checked at the airport)
     */
    static QrCode of(String text, float... printedSizes) {
        ByteMatrix preferred = encode(text, null);
        if (scans(preferred, text, printedSizes)) {
            return new QrCode(preferred);
        }
        for (int mask = 0; mask < MASK_PATTERNS; mask++) {
            ByteMatrix masked = encode(text, mask);
            if (scans(masked, text, printedSizes)) {
                return new QrCode(masked);
            }
        }
        throw new IllegalStateException("no mask pattern gives a QR code that scans");
    }

    private static ByteMatrix encode(String text, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.L, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /** Whether the modules, drawn as at each printed size, are found and read back as {@code text}. */
    private static boolean scans(ByteMatrix modules, String text, float... printedSizes) {
        for (float size : printedSizes) {
            BitMatrix printed = printed(modules, pixelsPerModule(size, modules.getWidth()));
            for (Map<DecodeHintType, ?> hints : List.of(Map.<DecodeHintType, Object>of(),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
                try {
                    String read = new Decoder().decode(new Detector(printed).detect(hints).getBits(), hints).getText();
                    if (!text.equals(read)) {
                        return false;
                    }
                } catch (ReaderException notFoundOrNotRead) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The modules as black pixels, {@code pixels} a side, inside the quiet zone. */
    private static BitMatrix printed(ByteMatrix modules, int pixels) {
        int width = modules.getWidth();
        BitMatrix image = new BitMatrix((width + 2 * QUIET_ZONE) * pixels);
        for (int row = 0; row < width; row++) {
            for (int column = 0; column < width; column++) {
                if (modules.get(column, row) == 1) {
                    image.setRegion((QUIET_ZONE + column) * pixels, (QUIET_ZONE + row) * pixels, pixels, pixels);
                }
            }
        }
        return image;
    }

    /**
     * Whole pixels per module on a page rendered at 150 dpi (and so at 300) for a code of {@code width} modules in
     * a square of {@code size} points: edges fall between pixels, not across them, which keeps a scanner's reading
     * of a rendered page sharp.
     */
    private static int pixelsPerModule(float size, int width) {
        return (int) Math.floor(size / (width + 2 * QUIET_ZONE) / PIXEL);
    }

    /**
     * Draws the code, quiet zone included, in a square of {@code size} points whose lower-left corner is (x, y).
     * Dark modules are drawn as horizontal and as vertical runs: each pair of touching dark modules is then inside
     * one rectangle, so anti-aliasing renderers leave no light seam between them (a seam breaks the finder patterns
     * for a scanner reading a rendered page).
     */
    void draw(PdfCanvas canvas, float x, float y, float size) {
        int width = modules.getWidth();
        float module = (float) (pixelsPerModule(size, width) * PIXEL);
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

    private static float snap(float points) {
        return (float) (Math.round(points / PIXEL) * PIXEL);
    }

    /** The [start, end) runs of dark modules of a row ({@code horizontal}) or a column. */
    private List<int[]> runs(int line, boolean horizontal) {
        List<int[]> runs = new ArrayList<>();
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
}

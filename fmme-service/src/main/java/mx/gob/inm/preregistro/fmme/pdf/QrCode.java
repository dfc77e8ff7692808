package mx.gob.inm.preregistro.fmme.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import com.itextpdf.kernel.pdf.PdfBoolean;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfImageXObject;

/**
 * A QR code (ZXing) drawn as a one-bit stencil mask, one sample a module, scaled to whole pixels a module at
 * 150 dpi: sharp at any zoom, a few hundred bytes, and a page content of a few operators (a path of thousands of
 * rectangles cost every PDF/A check and every reader the parsing of each of their numbers). Error correction L: the seal is Base45, which ZXing encodes in the dense alphanumeric mode, and the
 * lowest level gives the largest modules for the printed size.
 *
 * <p>Every code is read back before it is printed. A scanner first looks for the three finder squares; about one
 * code in three hundred has, in its data, a run of modules that a detector takes for a fourth finder, and then no
 * reading of the printed page finds the code. The mask pattern (one of eight XOR patterns over the data, all equally
 * valid for any reader) changes those runs, so the code takes the first mask, starting with the one the standard's
 * penalty rules prefer, whose modules, at each size they are printed and wherever they stand on the page, a
 * reference detector (ZXing's, with and without its harder search) finds and decodes back to the text. The check
 * costs about a millisecond a code; the PDFs' own drawing of the code is a mask made once for both.
 */
final class QrCode {

    /** Light modules around the code that scanners need (the standard's minimum is 4). */
    static final int QUIET_ZONE = 4;

    /** The size of one pixel, in points, of a page rendered at 150 dpi. */
    private static final double PIXEL = 72.0 / 150;

    private static final int MASK_PATTERNS = 8;

    /** ZXing's detector, in its harder search, looks at every third row of pixels (its {@code MIN_SKIP}). */
    private static final int ROW_OFFSETS = 3;

    /**
     * ZXing's quick search skips more rows than its harder one only in an image at least this many pixels high (its
     * {@code MAX_MODULES} of 97 and {@code MIN_SKIP}: {@code 3 * height / (4 * 97) > 3}); below, both look at the
     * same rows, and the harder one alone is run. A printed code here is at most 396 pixels high.
     */
    static final int QUICK_SEARCH_DIFFERS_FROM = 4 * 4 * 97 / 3 + 1;

    /** ZXing's detector as a scanning app runs it: its harder search, and its quick one. */
    private static final Map<DecodeHintType, ?> HARDER_SEARCH = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    private static final Map<DecodeHintType, ?> QUICK_SEARCH = Map.of();

    private final ByteMatrix modules;
    private final byte[] mask;

    private QrCode(ByteMatrix modules) {
        this.modules = modules;
        this.mask = mask(modules);
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

    /**
     * Whether the modules, drawn as at each printed size, are found and read back as {@code text}, wherever the code
     * stands on the page: the detector looks for finder squares on every third row of pixels, so which rows of each
     * module it samples depends on where the code starts, and a data run can pass for a finder on some of those
     * rows only. Each size is checked at the three row offsets. Sizes that give the same pixels a module are one
     * raster, checked once; searches that look at the same rows are run once, and searches that sample the same
     * modules decoded once (detection and decoding are deterministic).
     */
    private static boolean scans(ByteMatrix modules, String text, float... printedSizes) {
        Set<Integer> checkedPixels = new HashSet<>();
        for (float size : printedSizes) {
            int pixels = pixelsPerModule(size, modules.getWidth());
            if (!checkedPixels.add(pixels)) {
                continue;
            }
            List<BitMatrix> alreadyRead = new ArrayList<>();
            for (int offset = 0; offset < ROW_OFFSETS; offset++) {
                BitMatrix printed = printed(modules, pixels, offset);
                List<Map<DecodeHintType, ?>> searches = printed.getHeight() < QUICK_SEARCH_DIFFERS_FROM
                        ? List.of(HARDER_SEARCH) : List.of(HARDER_SEARCH, QUICK_SEARCH);
                for (Map<DecodeHintType, ?> hints : searches) {
                    try {
                        BitMatrix sampled = new Detector(printed).detect(hints).getBits();
                        if (alreadyRead.contains(sampled)) {
                            continue;
                        }
                        alreadyRead.add(sampled.clone());
                        // the decoder unmasks the matrix it is given in place, hence the copy above
                        if (!text.equals(new Decoder().decode(sampled, hints).getText())) {
                            return false;
                        }
                    } catch (ReaderException notFoundOrNotRead) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The modules as black pixels, {@code pixels} a side, inside the quiet zone, {@code offset} pixels lower. */
    static BitMatrix printed(ByteMatrix modules, int pixels, int offset) {
        int width = modules.getWidth();
        int side = (width + 2 * QUIET_ZONE) * pixels;
        BitMatrix image = new BitMatrix(side, side + offset);
        for (int row = 0; row < width; row++) {
            for (int column = 0; column < width; column++) {
                if (modules.get(column, row) == 1) {
                    image.setRegion((QUIET_ZONE + column) * pixels, offset + (QUIET_ZONE + row) * pixels, pixels,
                            pixels);
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
    static int pixelsPerModule(float size, int width) {
        return (int) Math.floor(size / (width + 2 * QUIET_ZONE) / PIXEL);
    }

    ByteMatrix modules() {
        return modules;
    }

    /**
     * Draws the code, quiet zone included, in a square of {@code size} points whose lower-left corner is (x, y): its
     * {@link #mask} scaled to whole pixels a module at 150 dpi.
     */
    void draw(PdfCanvas canvas, float x, float y, float size) {
        int width = modules.getWidth();
        float module = (float) (pixelsPerModule(size, width) * PIXEL);
        float left = snap(x + (size - width * module) / 2);
        float bottom = snap(y + (size - width * module) / 2);
        PdfStream image = new PdfStream(mask);
        image.put(PdfName.Type, PdfName.XObject);
        image.put(PdfName.Subtype, PdfName.Image);
        image.put(PdfName.Width, new PdfNumber(width));
        image.put(PdfName.Height, new PdfNumber(width));
        image.put(PdfName.ImageMask, PdfBoolean.TRUE);
        image.put(PdfName.BitsPerComponent, new PdfNumber(1));
        canvas.saveState().setFillColor(ColorConstants.BLACK).addXObjectWithTransformationMatrix(
                new PdfImageXObject(image), width * module, 0, 0, width * module, left, bottom);
        canvas.restoreState();
    }

    private static float snap(float points) {
        return (float) (Math.round(points / PIXEL) * PIXEL);
    }

    /**
     * The modules as the samples of a one-bit stencil mask, one sample a module, rows from the top, each row
     * padded to a whole byte; a sample 0 is painted with the fill colour (a dark module). A mask has no colour space
     * of its own and, drawn without interpolation, its modules stay sharp squares at any size; a page's content
     * stays a few operators long instead of a path of thousands of rectangles.
     */
    private static byte[] mask(ByteMatrix modules) {
        int width = modules.getWidth();
        int rowBytes = (width + 7) / 8;
        byte[] samples = new byte[rowBytes * width];
        Arrays.fill(samples, (byte) 0xFF);
        for (int row = 0; row < width; row++) {
            for (int column = 0; column < width; column++) {
                if (modules.get(column, row) == 1) {
                    samples[row * rowBytes + column / 8] &= (byte) ~(0x80 >>> (column % 8));
                }
            }
        }
        return samples;
    }
}

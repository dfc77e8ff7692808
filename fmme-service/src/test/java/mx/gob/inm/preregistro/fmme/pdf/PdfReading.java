package mx.gob.inm.preregistro.fmme.pdf;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What a person (or a scanner) gets out of a PDF: its text, and the QR code read from the page rendered at 150 dpi. */
public final class PdfReading {

    private PdfReading() {
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    public static BufferedImage render150Dpi(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        }
    }

    /**
     * The text of the QR code found on the first page rendered at 150 dpi, read by ZXing as a scanning app does: with
     * its local-threshold binarizer, then its global one, on the page as rendered and, as a phone held nearer or
     * farther, scaled (a scanner tries several frames and settings).
     */
    public static String qrAt150Dpi(byte[] pdf) throws IOException, NotFoundException {
        BufferedImage page = render150Dpi(pdf);
        NotFoundException last = NotFoundException.getNotFoundInstance();
        for (double scale : new double[] {1.0, 0.8, 1.25}) {
            BufferedImageLuminanceSource luminance = new BufferedImageLuminanceSource(scaled(page, scale));
            for (BinaryBitmap bitmap : new BinaryBitmap[] {new BinaryBitmap(new HybridBinarizer(luminance)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(luminance))}) {
                try {
                    return new MultiFormatReader().decode(bitmap, HINTS).getText();
                } catch (NotFoundException notThisWay) {
                    last = notThisWay;
                }
            }
        }
        throw last;
    }

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.POSSIBLE_FORMATS,
            List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private static BufferedImage scaled(BufferedImage image, double scale) {
        if (scale == 1.0) {
            return image;
        }
        BufferedImage result = new BufferedImage((int) (image.getWidth() * scale), (int) (image.getHeight() * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = result.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, result.getWidth(), result.getHeight(), null);
        graphics.dispose();
        return result;
    }

    /**
     * What veraPDF, the PDF Association's reference validator, finds wrong in the PDF against PDF/A-2U: one line a
     * failed rule (clause, test number, message); empty when the PDF conforms.
     */
    public static List<String> pdfA2uViolations(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_U); PDFAValidator validator = Foundries.defaultInstance()
                        .createValidator(PDFAFlavour.PDFA_2_U, false)) {
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage())
                    .distinct()
                    .toList();
        }
    }

    /** The names of the fonts the first page uses that are not embedded in the file. */
    public static List<String> fontsNotEmbedded(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            List<String> missing = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                if (!font.isEmbedded()) {
                    missing.add(font.getName());
                }
            }
            return missing;
        }
    }
}

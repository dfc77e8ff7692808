package mx.gob.inm.preregistro.fmme.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

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
     * The text of the QR code found on the first page rendered at 150 dpi, read by ZXing as a scanning app does:
     * with its local-threshold binarizer, then with its global one (a scanner tries several frames and settings).
     */
    public static String qrAt150Dpi(byte[] pdf) throws IOException, NotFoundException {
        BufferedImage page = render150Dpi(pdf);
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE);
        BufferedImageLuminanceSource luminance = new BufferedImageLuminanceSource(page);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)), hints).getText();
        } catch (NotFoundException notWithLocalThresholds) {
            return new MultiFormatReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(luminance)), hints)
                    .getText();
        }
    }
}

package mx.gob.inm.preregistro.fmme.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;

/**
 * The look both forms share: the Government of Mexico's guinda and the standard Helvetica fonts (part of every
 * PDF reader, so nothing depends on the fonts of the machine and the files stay small; iText parses their metrics
 * once per JVM and caches them, so a document's fonts cost microseconds), and how a document is opened for
 * writing (compressed object streams, document title).
 */
final class PdfStyle {

    static final Color GUINDA = new DeviceRgb(0x69, 0x1C, 0x32);
    static final Color GOLD = new DeviceRgb(0xBC, 0x95, 0x5C);
    static final Color GREY = new DeviceRgb(0x55, 0x55, 0x55);
    static final Color LIGHT = new DeviceRgb(0xF3, 0xEE, 0xE6);

    final PdfFont regular;
    final PdfFont bold;

    private PdfStyle(PdfFont regular, PdfFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Fonts belong to one document in iText, so each document gets its own. */
    static PdfStyle forDocument() {
        try {
            return new PdfStyle(PdfFontFactory.createFont(StandardFonts.HELVETICA),
                    PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD));
        } catch (IOException e) {
            throw new UncheckedIOException("iText's standard fonts are missing", e);
        }
    }

    static PdfDocument open(ByteArrayOutputStream out, String title) {
        PdfDocument pdf = new PdfDocument(new PdfWriter(out, new WriterProperties()
                .setFullCompressionMode(true)
                .setCompressionLevel(CompressionConstants.BEST_SPEED)));
        pdf.getDocumentInfo().setTitle(title).setAuthor(FormText.INSTITUTE).setCreator("Pre-Registro INM");
        return pdf;
    }
}

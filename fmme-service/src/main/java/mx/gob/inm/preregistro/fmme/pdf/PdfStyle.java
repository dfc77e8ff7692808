package mx.gob.inm.preregistro.fmme.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.xmp.PdfConst;
import com.itextpdf.kernel.xmp.XMPConst;
import com.itextpdf.kernel.xmp.XMPException;
import com.itextpdf.kernel.xmp.XMPMeta;
import com.itextpdf.kernel.xmp.XMPMetaFactory;
import com.itextpdf.kernel.xmp.options.SerializeOptions;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.pdfa.PdfADocument;

/**
 * The look both forms share and how a document is opened for writing.
 * <p>
 * Colours are the Government of Mexico's guinda and gold. The fonts are Liberation Sans, regular and bold,
 * <b>embedded</b> as subsets of the glyphs a form uses: every reader shows the same letters whatever fonts its
 * phone has, and names in any script print (the standard Helvetica only knows Latin-1). Liberation Sans has
 * Helvetica's widths, so the forms' layout is the one they were designed with. The font files are parsed once per
 * JVM and shared; each document gets its own {@link PdfFont}, which iText requires.
 * <p>
 * Documents conform to <b>PDF/A-2U</b> (ISO 19005-2, archivable, every text mapped to Unicode so that it can be
 * searched and copied): iText checks every object against the standard as it writes it and refuses to close a
 * document that does not conform. The output intent is the sRGB profile that ships with the JVM.
 */
final class PdfStyle {

    static final Color GUINDA = new DeviceRgb(0x69, 0x1C, 0x32);
    static final Color GOLD = new DeviceRgb(0xBC, 0x95, 0x5C);
    static final Color GREY = new DeviceRgb(0x55, 0x55, 0x55);
    static final Color LIGHT = new DeviceRgb(0xF3, 0xEE, 0xE6);

    static final PdfAConformance CONFORMANCE = PdfAConformance.PDF_A_2U;

    /** The tables of the fonts kept: all but the hinting programs ({@code fpgm}, {@code prep}, {@code cvt }). */
    private static final List<String> KEPT_TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "OS/2",
            "cmap", "name", "post");
    /**
     * What a form can print, as ranges of code points: the Latin alphabet with its extensions and combining
     * diacritics (the alphabet of passports' names and of addresses in Mexico), punctuation, currency and
     * letter-like symbols. Whatever else a free-text field holds prints as an empty box. Each glyph kept costs
     * every document time when it is subset, so no more is kept.
     */
    private static final int[][] ALPHABETS = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x2010, 0x2044},
        {0x20AC, 0x20AC}, {0x2116, 0x2122}};

    private static final int OS2_TAG = 0x4F532F32;
    private static final int OS2_VERSION_0_LENGTH = 78;

    private static final FontProgram REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final FontProgram BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    final PdfFont regular;
    final PdfFont bold;

    private PdfStyle(PdfFont regular, PdfFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Fonts belong to one document in iText, so each document gets its own, subset to the glyphs it shows. */
    static PdfStyle forDocument() {
        return new PdfStyle(embedded(REGULAR), embedded(BOLD));
    }

    static PdfDocument open(ByteArrayOutputStream out, String title) {
        PdfDocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties()
                .setFullCompressionMode(true)
                .setCompressionLevel(CompressionConstants.BEST_SPEED)),
                CONFORMANCE, new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        new ByteArrayInputStream(SRGB)));
        // a read-only XMP packet, without the 2 KB of blank padding a writable one keeps for editing in place: a form
        // is never edited, and writing the padding a character at a time was a twentieth of a pair's time
        pdf.setSerializeOptions(new SerializeOptions().setReadOnlyPacket(true));
        try {
            // iText would otherwise make an empty packet, write it, and read it back before it fills it in
            XMPMeta xmp = XMPMetaFactory.create();
            xmp.setProperty(XMPConst.NS_DC, PdfConst.Format, "application/pdf");
            pdf.setXmpMetadata(xmp);
        } catch (XMPException e) {
            throw new IllegalStateException("XMP metadata", e);
        }
        pdf.getDocumentInfo().setTitle(title).setAuthor(FormText.INSTITUTE).setCreator("Pre-Registro INM");
        pdf.getCatalog().setLang(new PdfString("es-MX"));
        return pdf;
    }

    private static PdfFont embedded(FontProgram program) {
        return PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
    }

    /**
     * The font file cut down, once, to the {@link #ALPHABETS} (about 500 of its 2600 glyphs) and without its
     * hinting programs (which screens and printers of today do without): iText subsets each document's font from
     * this smaller file, which takes a fraction of the time and gives files a fraction of the size.
     */
    private static FontProgram font(String resource) {
        try (InputStream in = PdfStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path");
            }
            TrueTypeFont whole = new TTFParser().parse(new RandomAccessReadBuffer(in));
            TTFSubsetter subsetter = new TTFSubsetter(whole, KEPT_TABLES);
            for (int[] range : ALPHABETS) {
                for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
                    subsetter.add(codePoint);
                }
            }
            ByteArrayOutputStream cut = new ByteArrayOutputStream(128 * 1024);
            subsetter.writeToStream(cut);
            return FontProgramFactory.createFont(withOs2Version0(cut.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("font " + resource + " cannot be read", e);
        }
    }

    /**
     * FontBox writes the {@code OS/2} table with the fields of its version 0 only (78 bytes) but keeps the
     * version of the original (3), so readers that trust the version read past the table's end. The table is
     * marked as what it is, version 0, with its checksum.
     */
    private static byte[] withOs2Version0(byte[] font) {
        ByteBuffer buffer = ByteBuffer.wrap(font);
        int tables = buffer.getShort(4) & 0xFFFF;
        for (int entry = 12; entry < 12 + 16 * tables; entry += 16) {
            if (buffer.getInt(entry) != OS2_TAG) {
                continue;
            }
            int offset = buffer.getInt(entry + 8);
            int length = buffer.getInt(entry + 12);
            if (length == OS2_VERSION_0_LENGTH && buffer.getShort(offset) != 0) {
                buffer.putShort(offset, (short) 0);
                int checksum = 0;
                for (int at = offset; at < offset + length; at += 4) {
                    checksum += at + 4 <= offset + length ? buffer.getInt(at)
                            : buffer.getShort(at) << 16;
                }
                buffer.putInt(entry + 4, checksum);
            }
        }
        return font;
    }
}

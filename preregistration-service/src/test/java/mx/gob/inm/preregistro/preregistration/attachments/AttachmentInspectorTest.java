package mx.gob.inm.preregistro.preregistration.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.preregistration.TestFiles;

class AttachmentInspectorTest {

    private static final int TWO_MB = 2 * 1024 * 1024;
    private final AttachmentInspector inspector = new AttachmentInspector(TWO_MB);

    @Test
    @DisplayName("R-PRE-4 PDF, PNG and JPEG are recognised by their content")
    void acceptsTheThreeTypes() {
        assertThat(inspector.inspect("boleto.pdf", TestFiles.pdf())).isEqualTo(AttachmentInspector.FileType.PDF);
        assertThat(inspector.inspect("hotel.PNG", TestFiles.png())).isEqualTo(AttachmentInspector.FileType.PNG);
        assertThat(inspector.inspect("foto.jpeg", TestFiles.jpeg())).isEqualTo(AttachmentInspector.FileType.JPEG);
        assertThat(inspector.inspect("foto.jpg", TestFiles.jpeg())).isEqualTo(AttachmentInspector.FileType.JPEG);
    }

    @Test
    @DisplayName("R-PRE-4 a file of exactly 2 MB is accepted, one byte more is refused")
    void twoMegabytes() {
        assertThat(inspector.inspect("a.pdf", TestFiles.pdfOfSize(TWO_MB))).isEqualTo(AttachmentInspector.FileType.PDF);
        assertRefused("a.pdf", TestFiles.pdfOfSize(TWO_MB + 1), "attachment_too_large");
    }

    @Test
    @DisplayName("R-PRE-4 hostile files are refused: encrypted, JavaScript, launch action, malformed, disguised, a truncated image, an image declaring 30000 × 30000 pixels")
    void hostileFiles() {
        assertRefused("a.pdf", TestFiles.encryptedPdf(), "attachment_encrypted");
        assertRefused("a.pdf", TestFiles.pdfWithJavaScript(), "attachment_active_content");
        assertRefused("a.pdf", TestFiles.pdfWithLaunchAction(), "attachment_active_content");
        assertRefused("a.pdf", TestFiles.malformedPdf(), "attachment_malformed");
        assertRefused("imagen.pdf", TestFiles.png(), "attachment_type_mismatch");
        assertRefused("programa.exe", TestFiles.pdf(), "attachment_type_mismatch");
        assertRefused("nota.pdf", "MZ not a pdf at all".getBytes(), "attachment_type");
        assertRefused("vacio.pdf", new byte[0], "required");
        assertRefused("hotel.png", Arrays.copyOf(TestFiles.png(), 60), "attachment_malformed");
        assertRefused("foto.jpg", Arrays.copyOf(TestFiles.jpeg(), TestFiles.jpeg().length / 2), "attachment_malformed");
        assertRefused("hotel.png", declaring(TestFiles.png(), 30_000, 30_000), "attachment_malformed");
    }

    @Test
    @DisplayName("R-PRE-4 an image is checked row by row to its end, though only a sample of its pixels is kept: one cut in its pixel data is refused")
    void cutInThePixels() throws Exception {
        for (String format : List.of("png", "jpg")) {
            byte[] whole = noise(format);
            assertThat(inspector.inspect("foto." + format, whole)).isNotNull();
            assertRefused("foto." + format, Arrays.copyOf(whole, whole.length * 3 / 4), "attachment_malformed");
        }
    }

    @Test
    @DisplayName("R-PRE-4 a JavaScript action nested deeper than PDFBox reads (500) is refused, not passed as nothing; a chain of 10 000 bookmarks is walked without running out of stack")
    void deepAndLongPdfs() {
        String javaScript = "<< /S /JavaScript /JS (app.alert\\(1\\)) >>";
        assertRefused("a.pdf", pdf("/X " + "[".repeat(600) + javaScript + "]".repeat(600), 0, null),
                "attachment_malformed");
        assertRefused("a.pdf", pdf("/X " + "[".repeat(10) + javaScript + "]".repeat(10), 0, null),
                "attachment_active_content");
        // a StackOverflowError, so a 500, before the walk kept its own stack
        assertThat(inspector.inspect("libro.pdf", pdf("", 10_000, null)))
                .isEqualTo(AttachmentInspector.FileType.PDF);
        assertRefused("libro.pdf", pdf("", 10_000, javaScript), "attachment_active_content");
    }

    /**
     * A one-page PDF: {@code pageEntries} in its page's dictionary, and {@code bookmarks} outline items, each naming
     * the next (the last with {@code lastAction} as its action, when given).
     */
    private static byte[] pdf(String pageEntries, int bookmarks, String lastAction) {
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R" + (bookmarks > 0 ? " /Outlines 4 0 R" : "") + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + pageEntries + " >>"));
        for (int i = 0; i < bookmarks; i++) {
            boolean last = i == bookmarks - 1;
            objects.add("<< /Title (a)" + (last ? (lastAction == null ? "" : " /A " + lastAction)
                    : " /Next " + (5 + i) + " 0 R") + " >>");
        }
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj ").append(objects.get(i)).append(" endobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> out.append(String.format("%010d 00000 n \n", offset)));
        out.append("trailer << /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A 300 × 200 photo of noise: its pixel data is most of the file. */
    private static byte[] noise(String format) throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** The PNG with other dimensions in its header (and the header's checksum made right again). */
    private static byte[] declaring(byte[] png, int width, int height) {
        byte[] changed = png.clone();
        ByteBuffer.wrap(changed, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 17);
        ByteBuffer.wrap(changed, 29, 4).putInt((int) crc.getValue());
        return changed;
    }

    private void assertRefused(String filename, byte[] content, String code) {
        assertThatThrownBy(() -> inspector.inspect(filename, content))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("file");
                    assertThat(e.violations().get(0).code()).isEqualTo(code);
                });
    }
}

package mx.gob.inm.preregistro.preregistration;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/** Real files, made here rather than checked in: a harmless PDF, PNG and JPEG, and hostile PDFs (R-PRE-4). */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens only with the password "secreto". */
    public static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("propietario", "secreto",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs JavaScript when opened. */
    public static byte[] pdfWithJavaScript() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hola');"));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches a program when opened. */
    public static byte[] pdfWithLaunchAction() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            PDActionLaunch launch = new PDActionLaunch();
            launch.setF("cmd.exe");
            document.getDocumentCatalog().setOpenAction(launch);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts like a PDF and then is garbage. */
    public static byte[] malformedPdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage without xref or trailer\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    /** A byte array of {@code size} that is a valid PDF padded with a trailing comment. */
    public static byte[] pdfOfSize(int size) {
        byte[] pdf = pdf();
        byte[] padded = new byte[size];
        System.arraycopy(pdf, 0, padded, 0, pdf.length);
        padded[pdf.length] = '%';
        for (int i = pdf.length + 1; i < size; i++) {
            padded[i] = ' ';
        }
        return padded;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}

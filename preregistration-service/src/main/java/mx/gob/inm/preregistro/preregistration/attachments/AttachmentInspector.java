package mx.gob.inm.preregistro.preregistration.attachments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.platform.image.ImageDecoding;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;

/**
 * Decides whether an uploaded file may be kept as an attachment (R-PRE-4): PDF, JPEG or PNG recognised by its
 * content (never by its name or declared type; a name whose extension disagrees with the content is refused), at
 * most the configured size, for images one that decodes to the end within a pixel limit read before decoding, and
 * for PDFs a document PDFBox can open that is neither encrypted nor carries JavaScript or launch actions anywhere
 * reachable from its trailer. Every refusal is a 400 on field {@code file}.
 */
@Component
public class AttachmentInspector {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    /** 50 megapixels: more than any phone photo of a ticket (a 2 MB file can declare gigabytes of pixels). */
    private static final long MAX_PIXELS = 50_000_000;
    private static final Set<String> HOSTILE_ACTIONS = Set.of("JavaScript", "Launch");
    private static final Map<FileType, Set<String>> EXTENSIONS = Map.of(
            FileType.PDF, Set.of("pdf"),
            FileType.PNG, Set.of("png"),
            FileType.JPEG, Set.of("jpg", "jpeg"));

    private final long maxBytes;

    @Autowired
    public AttachmentInspector(PreRegistrationProperties properties) {
        this(properties.maxAttachmentBytes());
    }

    AttachmentInspector(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The file types accepted, with the content type they are stored and served as. */
    public enum FileType {
        PDF("application/pdf"), PNG("image/png"), JPEG("image/jpeg");

        private final String contentType;

        FileType(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** The type of an acceptable file; throws {@link ValidationFailedException} on field {@code file} otherwise. */
    public FileType inspect(String filename, byte[] content) {
        if (content.length == 0) {
            throw refused("required");
        }
        if (content.length > maxBytes) {
            throw ValidationFailedException.of("file", "attachment_too_large", maxBytes / (1024 * 1024));
        }
        FileType type = sniff(content);
        if (type == null) {
            throw refused("attachment_type");
        }
        String extension = extension(filename);
        if (extension != null && !EXTENSIONS.get(type).contains(extension)) {
            throw refused("attachment_type_mismatch");
        }
        if (type == FileType.PDF) {
            checkPdf(content);
        } else {
            checkImage(content, type == FileType.PNG ? "png" : "jpeg");
        }
        return type;
    }

    private static FileType sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return FileType.PDF;
        }
        if (startsWith(content, PNG)) {
            return FileType.PNG;
        }
        if (startsWith(content, JPEG)) {
            return FileType.JPEG;
        }
        return null;
    }

    /** An image that declares more pixels than a photo of a page has, or does not decode to the end, is refused. */
    private static void checkImage(byte[] content, String format) {
        try {
            ImageDecoding.check(content, format, MAX_PIXELS);
        } catch (ImageDecoding.RefusedImage refused) {
            throw refused("attachment_malformed");
        }
    }

    private static void checkPdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted()) {
                throw refused("attachment_encrypted");
            }
            if (pdf.getNumberOfPages() == 0) {
                throw refused("attachment_malformed");
            }
            if (hostile(pdf.getDocument())) {
                throw refused("attachment_active_content");
            }
        } catch (InvalidPasswordException e) {
            throw refused("attachment_encrypted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationFailedException refusal) {
                throw refusal;
            }
            throw refused("attachment_malformed");
        }
    }

    /**
     * Whether any object reachable from the trailer is a JavaScript or Launch action. The walk keeps its own stack
     * (a chain of 60,000 objects fits in 2 MB, too deep for the thread's), and an object the document declares but
     * PDFBox could not read is refused as malformed: PDFBox gives up on an object nested more than 500 deep, logs it
     * and reads it as nothing, and a JavaScript action nested in one passed the check unseen.
     */
    private static boolean hostile(COSDocument document) {
        Set<COSObjectKey> declared = document.getXrefTable().keySet();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>(List.of(document.getTrailer()));
        while (!pending.isEmpty()) {
            COSBase base = pending.pop();
            COSBase object = base;
            if (base instanceof COSObject indirect) {
                object = indirect.getObject();
                if (object == null && declared.contains(
                        new COSObjectKey(indirect.getObjectNumber(), indirect.getGenerationNumber()))) {
                    throw refused("attachment_malformed");
                }
            }
            if (object == null || !seen.add(object)) {
                continue;
            }
            if (object instanceof COSDictionary dictionary) {
                COSName action = dictionary.getCOSName(COSName.S);
                if (action != null && HOSTILE_ACTIONS.contains(action.getName())
                        || dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
                    return true;
                }
                dictionary.getValues().forEach(pending::push);
            } else if (object instanceof COSArray array) {
                array.forEach(pending::push);
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static String extension(String filename) {
        if (filename == null || filename.lastIndexOf('.') < 0) {
            return null;
        }
        return filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static ValidationFailedException refused(String code) {
        return ValidationFailedException.of("file", code);
    }
}

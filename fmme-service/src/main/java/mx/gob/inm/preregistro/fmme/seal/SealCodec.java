package mx.gob.inm.preregistro.fmme.seal;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The seal's wire form, kept small so its QR scans from a phone screen (about 190 characters for a typical
 * traveller): {@value #PREFIX} followed by the Base45 of
 * <pre>
 *   version (1 byte) | key id | folio | surname | given names | document number | nationality
 *   | entry date (2 bytes, days since 1970-01-01) | flight | issued at (4 bytes, epoch seconds)
 *   | valid until (4 bytes, epoch seconds) | signature (64 bytes, ECDSA P-256 r||s over everything before it)
 * </pre>
 * where each text is one length byte and its UTF-8 bytes (at most 255). Pure JDK, so the offline verifier needs
 * nothing else.
 */
public final class SealCodec {

    /** Marks a text as an FMME seal; all of it is in the QR alphanumeric set. */
    public static final String PREFIX = "FMME1:";
    static final int VERSION = 1;
    static final int SIGNATURE_LENGTH = 64;

    private SealCodec() {
    }

    /** The bytes to sign for this content and key id. */
    public static byte[] signedPart(String keyId, SealContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        out.write(VERSION);
        text(out, keyId);
        text(out, content.folio());
        text(out, content.surname());
        text(out, content.givenNames());
        text(out, content.documentNumber());
        text(out, content.nationality());
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) content.entryDate().toEpochDay()).array());
        text(out, content.flight());
        out.writeBytes(ByteBuffer.allocate(8)
                .putInt((int) content.issuedAt().getEpochSecond())
                .putInt((int) content.validUntil().getEpochSecond()).array());
        return out.toByteArray();
    }

    public static String encode(byte[] signedPart, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("expected a 64-byte P-256 signature");
        }
        byte[] all = Arrays.copyOf(signedPart, signedPart.length + signature.length);
        System.arraycopy(signature, 0, all, signedPart.length, signature.length);
        return PREFIX + Base45.encode(all);
    }

    /**
     * Reads a seal without checking its signature.
     *
     * @throws IllegalArgumentException when the text is not a seal of this version
     */
    public static Decoded decode(String seal) {
        if (seal == null || !seal.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an FMME seal");
        }
        byte[] all = Base45.decode(seal.substring(PREFIX.length()));
        if (all.length <= SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("seal too short");
        }
        byte[] signedPart = Arrays.copyOf(all, all.length - SIGNATURE_LENGTH);
        byte[] signature = Arrays.copyOfRange(all, all.length - SIGNATURE_LENGTH, all.length);
        try {
            ByteBuffer in = ByteBuffer.wrap(signedPart);
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown seal version");
            }
            String keyId = text(in);
            String folio = text(in);
            String surname = text(in);
            String givenNames = text(in);
            String documentNumber = text(in);
            String nationality = text(in);
            LocalDate entryDate = LocalDate.ofEpochDay(in.getShort() & 0xffff);
            String flight = text(in);
            Instant issuedAt = Instant.ofEpochSecond(in.getInt() & 0xffffffffL);
            Instant validUntil = Instant.ofEpochSecond(in.getInt() & 0xffffffffL);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes in seal");
            }
            return new Decoded(keyId, new SealContent(folio, surname, givenNames, documentNumber, nationality,
                    entryDate, flight, issuedAt, validUntil), signedPart, signature);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("seal truncated", e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("seal field longer than 255 bytes");
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A seal read back: who signed it, what it says, and the bytes its signature covers. */
    public record Decoded(String keyId, SealContent content, byte[] signedPart, byte[] signature) {
    }
}

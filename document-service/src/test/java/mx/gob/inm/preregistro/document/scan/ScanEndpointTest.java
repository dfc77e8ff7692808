package mx.gob.inm.preregistro.document.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.document.SignedInTest;
import mx.gob.inm.preregistro.document.ocr.OcrSettings;
import mx.gob.inm.preregistro.document.ocr.PassportGenerator;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.platform.captcha.IssuedCaptcha;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class ScanEndpointTest extends SignedInTest {

    @Autowired
    Scans scans;
    @Autowired
    GridFsTemplate gridFs;
    @Autowired
    UnusedScans unusedScans;
    @Autowired
    Captchas captchas;
    @Autowired
    MongoTemplate mongo;

    @Test
    @DisplayName("R-DOC-4 a photographed passport is read: fields, check digits and zone returned, the scan kept for its owner only")
    void scanReadsPassport() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 42);
        PassportGenerator.Passport passport = generator.passport();
        byte[] photo = png(generator.photograph(generator.page(passport)));
        TestTraveller owner = traveller("scan-owner@example.com");

        HttpResponse<String> response = upload(owner, "passport.png", photo, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = read(response.body());
        String scanId = body.get("scanId").asString();
        List<String> unreadable = new ArrayList<>();
        body.get("unreadable").forEach(n -> unreadable.add(n.asString()));
        for (String field : new String[] {"documentType", "issuingState", "surname", "givenNames", "documentNumber",
            "nationality", "birthDate", "sex", "expiryDate", "personalNumber"}) {
            if (body.get("fields").has(field)) {
                assertThat(body.get("fields").get(field).asString()).as(field).isEqualTo(passport.truth().get(field));
            } else {
                assertThat(unreadable).as(field + " neither read nor flagged").contains(field);
            }
        }
        assertThat(body.get("fields").get("birthDate").asString()).isEqualTo(passport.truth().get("birthDate"));
        assertThat(body.get("fields").get("expiryDate").asString()).isEqualTo(passport.truth().get("expiryDate"));
        assertThat(body.get("mrz").get("line1").asString()).isEqualTo(passport.truth().get("line1"));
        assertThat(unreadable.size()).isLessThanOrEqualTo(2);

        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/documents/scans/" + scanId + "/image"))
                .header("Authorization", owner.bearer()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).isNotNull();

        TestTraveller other = traveller("scan-other@example.com");
        assertThat(get(other, "/api/documents/scans/" + scanId + "/image").statusCode()).isEqualTo(404);
        assertThat(scans.find(scanId, other.id())).isEmpty();
        assertThat(scans.find(scanId, owner.id())).get().extracting(ScanResult::fields)
                .isEqualTo(read(response.body()).get("fields").propertyNames().stream()
                        .collect(Collectors.toMap(k -> k, k -> body.get("fields").get(k).asString())));
    }

    @Test
    @DisplayName("R-ENT-5 a traveller's scans are listed for their copy of their data, their own only, newest first; closing the account (AccountClosed) erases them, the photos and what was read, and its token stores no new one (403 account_closed); another traveller's stay")
    void accountClosedErasesScans() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 42);
        byte[] photo = png(generator.page(generator.passport()));
        TestTraveller leaving = traveller("scan-leaving@example.com");
        TestTraveller staying = traveller("scan-staying@example.com");
        List<String> older = List.of(scanned(leaving, photo), scanned(leaving, photo));
        String stayingScan = scanned(staying, photo);
        clock.advance(Duration.ofMinutes(1));
        String newest = scanned(leaving, photo);
        List<String> leavingScans = List.of(newest, older.get(0), older.get(1));

        JsonNode listed = read(get(leaving, "/api/documents/scans").body());
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).get("scanId").asString()).isEqualTo(newest);
        assertThat(listed.get(0).get("image").asString()).isEqualTo("/api/documents/scans/" + newest + "/image");
        assertThat(listed.get(0).get("scannedAt").asString()).isEqualTo(clock.instant().toString());
        assertThat(listed.get(0).has("fields")).isTrue();
        assertThat(listed.findValuesAsString("scanId")).containsExactlyInAnyOrderElementsOf(leavingScans);
        assertThat(read(get(staying, "/api/documents/scans").body()).findValuesAsString("scanId"))
                .containsExactly(stayingScan);

        publish(new AccountClosed(leaving.id(), "scan-leaving@example.com", "Ana", Language.es), leaving.id());

        await().atMost(Duration.ofSeconds(30)).until(() -> leavingScans.stream()
                .allMatch(id -> scans.find(id, leaving.id()).isEmpty()));
        assertThat(gridFs.find(query(where("metadata.accountId").is(leaving.id()))).first()).isNull();
        for (String id : leavingScans) {
            assertThat(get(leaving, "/api/documents/scans/" + id + "/image").statusCode()).isEqualTo(404);
        }
        assertThat(read(get(leaving, "/api/documents/scans").body())).isEmpty();
        assertThat(scans.find(stayingScan, staying.id())).isPresent();
        assertThat(get(staying, "/api/documents/scans/" + stayingScan + "/image").statusCode()).isEqualTo(200);

        HttpResponse<String> afterClosing = upload(leaving, "passport.png", photo, Map.of());
        assertThat(afterClosing.statusCode()).as("the token, still valid, stores no new scan").isEqualTo(403);
        assertThat(read(afterClosing.body()).get("code").asString()).isEqualTo("account_closed");
        assertThat(gridFs.find(query(where("metadata.accountId").is(leaving.id()))).first()).isNull();
        assertThat(read(get(leaving, "/api/documents/scans").body())).isEmpty();
    }

    @Test
    @DisplayName("R-DOC-4 MRZ reads are measured on /actuator/prometheus: attempts by outcome, time per read, unreadable fields")
    void ocrMetrics() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 11);
        TestTraveller owner = traveller("scan-metrics@example.com");
        String before = prometheus();

        assertThat(upload(owner, "page.png", png(generator.page(generator.passport())), Map.of()).statusCode())
                .isEqualTo(201);
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        assertThat(upload(owner, "blank.png", png(blank), Map.of()).statusCode()).isEqualTo(201);

        String after = prometheus();
        String read = "preregistro_ocr_attempts_total{outcome=\"read\"}";
        String unreadable = "preregistro_ocr_attempts_total{outcome=\"unreadable\"}";
        assertThat(sample(after, read) + sample(after, unreadable))
                .isEqualTo(sample(before, read) + sample(before, unreadable) + 1);
        assertThat(sample(after, "preregistro_ocr_attempts_total{outcome=\"failed\"}"))
                .isEqualTo(sample(before, "preregistro_ocr_attempts_total{outcome=\"failed\"}") + 1);
        assertThat(sample(after, "preregistro_ocr_seconds_count")).isEqualTo(sample(before, "preregistro_ocr_seconds_count") + 2);
        assertThat(sample(after, "preregistro_ocr_seconds_sum")).isPositive();
        assertThat(sample(after, "preregistro_ocr_seconds_max")).isPositive();
        assertThat(sample(after, "preregistro_ocr_unreadable_fields_total{field=\"documentNumber\"}")).isNotNull();
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the series {@code name{tags}} (tags in any order, others allowed), or null when absent. */
    private static Double sample(String exposition, String series) {
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        List<String> tags = series.contains("{")
                ? Arrays.asList(series.substring(series.indexOf('{') + 1, series.length() - 1).split(","))
                : List.of();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labels = line.contains("{") ? line.substring(line.indexOf('{') + 1, line.indexOf('}')) : "";
            if (tags.stream().allMatch(t -> Arrays.asList(labels.split(",")).contains(t))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return null;
    }

    @Test
    @DisplayName("R-DOC-4 R-DOC-6 R-DOC-9 a passport registered from its scan must keep the nationality the zone shows; another traveller's scan is refused; deleting the document erases its scan")
    void registrationFromTheScan() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 5);
        PassportGenerator.Passport passport = generator.passport();
        TestTraveller owner = traveller("scan-registro@example.com");
        JsonNode scan = read(upload(owner, "passport.png", png(generator.page(passport)), Map.of()).body());
        assertThat(scan.get("fields").get("nationality").asString()).isEqualTo(passport.truth().get("nationality"));
        String nationality = passport.truth().get("nationality");
        Map<String, Object> form = registrationOf(passport, scan.get("scanId").asString());
        form.put("nationality", "COL".equals(nationality) ? "MEX" : "COL");

        HttpResponse<String> otherNationality = post(owner, "/api/documents", form);
        assertThat(otherNationality.statusCode()).isEqualTo(400);
        assertThat(read(otherNationality.body()).get("errors").get(0).get("field").asString()).isEqualTo("nationality");
        assertThat(read(otherNationality.body()).get("errors").get(0).get("message").asString()).contains(nationality);

        assertThat(post(traveller("scan-ajeno@example.com"), "/api/documents", form).body()).contains("\"scanId\"");

        form.put("nationality", nationality);
        HttpResponse<String> registered = post(owner, "/api/documents", form);   // the captcha was not spent
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        String scanId = scan.get("scanId").asString();
        deleteWithdrawn(owner, read(registered.body()).get("id").asString());
        // the scan goes with the document, right after it (the listener deletes the document, then its scan)
        await().atMost(Duration.ofSeconds(30)).until(() -> scans.find(scanId, owner.id()).isEmpty());
        assertThat(get(owner, "/api/documents/scans/" + scanId + "/image").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("R-DOC-2 the crop box is applied before reading; a box outside the image is refused on its field")
    void cropBox() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 7);
        PassportGenerator.Passport passport = generator.passport();
        BufferedImage page = generator.page(passport);
        BufferedImage framed = new BufferedImage(page.getWidth() + 400, page.getHeight() + 300,
                BufferedImage.TYPE_INT_RGB);
        framed.createGraphics().drawImage(page, 200, 150, null);
        TestTraveller owner = traveller("scan-crop@example.com");

        HttpResponse<String> cropped = upload(owner, "p.png", png(framed), Map.of("cropX", "180", "cropY", "130",
                "cropWidth", String.valueOf(page.getWidth() + 40), "cropHeight", String.valueOf(page.getHeight() + 40)));
        assertThat(cropped.statusCode()).as(cropped.body()).isEqualTo(201);
        assertThat(read(cropped.body()).get("fields").get("documentNumber").asString())
                .isEqualTo(passport.truth().get("documentNumber"));

        HttpResponse<String> outside = upload(owner, "p.png", png(framed), Map.of("cropX", "10", "cropY", "10",
                "cropWidth", "99999", "cropHeight", "100"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("cropWidth");
    }

    @Test
    @DisplayName("R-DOC-3 anything but a sound PNG or JPEG of at most 2 MB is refused with 4xx, and the service goes on")
    void badFilesRefused() throws Exception {
        TestTraveller traveller = traveller("scan-bad@example.com");
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<!DOCTYPE html><html><body>not an image</body></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] jpeg = jpeg(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB));
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(jpeg, 0, tooLarge, 0, jpeg.length);

        assertRefused(upload(traveller, "document.png", pdf, Map.of()), 400, "image");
        assertRefused(upload(traveller, "page.png", html, Map.of()), 400, "image");
        assertRefused(upload(traveller, "photo.jpg", zip, Map.of()), 400, "image");
        assertRefused(upload(traveller, "photo.jpg", truncated, Map.of()), 400, "image");
        assertRefused(upload(traveller, "huge.png", pngHeader(30000, 30000), Map.of()), 400, "image");
        assertRefused(upload(traveller, "big.jpg", tooLarge, Map.of()), 413, null);
        assertRefused(upload(traveller, "none.png", new byte[0], Map.of()), 400, "image");

        HttpResponse<String> stillServing = upload(traveller, "blank.jpg", jpeg, Map.of());
        assertThat(stillServing.statusCode()).isEqualTo(201);
        assertThat(read(stillServing.body()).get("unreadable").size()).isEqualTo(10);
    }

    @Test
    @DisplayName("R-DOC-3 scanning needs a signed-in traveller")
    void anonymousRefused() throws Exception {
        HttpResponse<String> response = upload(null, "p.png", png(new BufferedImage(10, 10, 1)), Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("R-ENT-5 R-DOC-2 a scan no document was registered from is erased a day after it was read, the photo and what was read; one a document was registered from stays, and so do a newer one and one stored before scans were marked unused; registering from an erased scan asks for the photo again")
    void unusedScansErasedAfterADay() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 8);
        PassportGenerator.Passport passport = generator.passport();
        byte[] photo = png(generator.page(passport));
        TestTraveller owner = traveller("scan-olvidado@example.com");
        String forgotten = scanned(owner, photo);
        String used = scanned(owner, photo);
        HttpResponse<String> registered = post(owner, "/api/documents", registrationOf(passport, used));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String older = scanned(owner, photo);
        mongo.updateFirst(query(where("_id").is(older)), new Update().unset("unused"), "scans");
        clock.advance(Duration.ofHours(25));
        String recent = scanned(owner, photo);

        assertThat(unusedScans.erase()).isPositive();

        assertThat(scans.find(forgotten, owner.id())).isEmpty();
        assertThat(get(owner, "/api/documents/scans/" + forgotten + "/image").statusCode()).isEqualTo(404);
        assertThat(gridFs.find(query(where("metadata.scanId").is(forgotten))).first()).isNull();
        assertThat(get(owner, "/api/documents/scans/" + used + "/image").statusCode()).isEqualTo(200);
        assertThat(scans.find(recent, owner.id())).isPresent();
        assertThat(read(get(owner, "/api/documents/scans").body()).findValuesAsString("scanId"))
                .as("the newer one, the used one, and one stored before scans were marked unused")
                .containsExactlyInAnyOrder(recent, used, older);

        HttpResponse<String> late = post(owner, "/api/documents", registrationOf(passport, forgotten));
        assertThat(late.statusCode()).isEqualTo(400);
        JsonNode error = read(late.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("scanId");
        assertThat(error.get("message").asString()).contains("ya no está disponible");
    }

    @Test
    @DisplayName("R-DOC-2 R-DOC-3 a traveller keeps at most the 10 newest scans no document was registered from: a new one erases the older ones, the photo and what was read; the one a document was registered from stays")
    void unusedScansPerAccountBounded() throws Exception {
        PassportGenerator generator = new PassportGenerator(OcrSettings.detect("", "", 1).font(), 12);
        PassportGenerator.Passport passport = generator.passport();
        TestTraveller owner = traveller("scan-repetido@example.com");
        String used = scanned(owner, png(generator.page(passport)));
        HttpResponse<String> registered = post(owner, "/api/documents", registrationOf(passport, used));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        byte[] blank = png(new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB));
        List<String> unused = new ArrayList<>();
        for (int photo = 0; photo < 12; photo++) {
            clock.advance(Duration.ofSeconds(1));
            unused.add(scanned(owner, blank));
        }

        List<String> kept = new ArrayList<>(unused.subList(2, 12));
        kept.add(used);
        assertThat(read(get(owner, "/api/documents/scans").body()).findValuesAsString("scanId"))
                .containsExactlyInAnyOrderElementsOf(kept);
        for (String erased : unused.subList(0, 2)) {
            assertThat(scans.find(erased, owner.id())).isEmpty();
            assertThat(gridFs.find(query(where("metadata.scanId").is(erased))).first()).isNull();
        }
        assertThat(get(owner, "/api/documents/scans/" + used + "/image").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-DOC-2 R-DOC-3 at most 60 photos an hour per account, read or refused: the 61st is 429 scan_limit with Retry-After before anything is decoded; another traveller's photos still go; an hour later, again")
    void photosPerHourBounded() throws Exception {
        TestTraveller owner = traveller("scan-sesenta@example.com");
        byte[] html = "<html>no es una foto</html>".getBytes(StandardCharsets.US_ASCII);
        Instant first = clock.instant();
        for (int photo = 0; photo < 60; photo++) {
            assertRefused(upload(owner, "page.png", html, Map.of()), 400, "image");
            clock.advance(Duration.ofSeconds(10));
        }

        HttpResponse<String> limited = upload(owner, "page.png", html, Map.of());
        assertRefused(limited, 429, null);
        assertThat(read(limited.body()).get("code").asString()).isEqualTo("scan_limit");
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValue(String.valueOf(Duration.ofHours(1).minusSeconds(600).toSeconds()));
        assertRefused(upload(traveller("scan-otro@example.com"), "page.png", html, Map.of()), 400, "image");

        clock.set(first.plus(Duration.ofHours(1)).plusSeconds(1));
        assertRefused(upload(owner, "page.png", html, Map.of()), 400, "image");
    }

    /** The registration form as the traveller confirms what the scan read, with a fresh captcha. */
    private Map<String, Object> registrationOf(PassportGenerator.Passport passport, String scanId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("scanId", scanId);
        form.put("documentType", "P");
        form.put("issuingState", passport.truth().get("issuingState"));
        form.put("documentNumber", passport.truth().get("documentNumber"));
        form.put("surname", passport.truth().get("surname"));
        form.put("givenNames", passport.truth().get("givenNames"));
        form.put("nationality", passport.truth().get("nationality"));
        form.put("birthDate", "1990-03-14");
        form.put("sex", "F");
        form.put("expiryDate", "2031-01-31");
        form.put("classification", "ORDINARY");
        IssuedCaptcha captcha = captchas.issue();
        form.put("captchaId", captcha.id());
        form.put("captchaAnswer", captcha.answer());
        return form;
    }

    private String scanned(TestTraveller traveller, byte[] photo) throws Exception {
        HttpResponse<String> response = upload(traveller, "passport.png", photo, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body()).get("scanId").asString();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        if (field != null) {
            assertThat(read(response.body()).get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A PNG whose header declares {@code width x height} pixels, with almost no data: a decompression bomb's shape. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

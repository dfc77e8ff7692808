package mx.gob.inm.preregistro.document.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import mx.gob.inm.preregistro.document.mrz.MrzReading;
import mx.gob.inm.preregistro.document.ocr.MrzReader;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.platform.quota.Quota;

/**
 * {@code POST /api/documents/scans}: the photo or file of a passport (R-DOC-2, R-DOC-3), cropped to the box the
 * traveller drew, read by the MRZ OCR (R-DOC-4) and kept as the caller's; {@code GET .../{id}/image} gives it back to
 * its owner only, and {@code GET /api/documents/scans} lists what was read from each, for the traveller's copy of
 * their data (R-ENT-5). A closed account's token, valid for a few minutes more, stores no new scan; an account that
 * can register no more documents sends no photo to be read.
 */
@RestController
class ScanController {

    private final PixelBudget budget;
    private final ImageIntake intake;
    private final MrzReader ocr;
    private final Scans scans;
    private final ClosedAccounts closedAccounts;
    private final RegistrationRoom room;
    private final int unusedPerAccount;
    private final Quota photosPerAccount;

    ScanController(ScanProperties properties, MrzReader ocr, Scans scans, ClosedAccounts closedAccounts,
            RegistrationRoom room) {
        this.budget = new PixelBudget(properties.pixelsAtOnce(Runtime.getRuntime().maxMemory()),
                properties.waitForPixels());
        // a photo with more pixels than may be held at once would never be read: refused like one over max-pixels
        this.intake = new ImageIntake(properties.maxSize().toBytes(), Math.min(properties.maxPixels(),
                budget.pixels()));
        this.ocr = ocr;
        this.scans = scans;
        this.closedAccounts = closedAccounts;
        this.room = room;
        this.unusedPerAccount = properties.unusedPerAccount();
        this.photosPerAccount = new Quota(Duration.ofHours(1), properties.photosPerHour());
    }

    @PostMapping(path = "/api/documents/scans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> scan(@AuthenticationPrincipal Jwt jwt,
                                             @RequestParam(name = "image", required = false) MultipartFile image,
                                             @RequestParam(name = "cropX", required = false) Integer cropX,
                                             @RequestParam(name = "cropY", required = false) Integer cropY,
                                             @RequestParam(name = "cropWidth", required = false) Integer cropWidth,
                                             @RequestParam(name = "cropHeight", required = false) Integer cropHeight)
            throws IOException {
        closedAccounts.requireOpen(jwt.getSubject());
        if (image == null || image.isEmpty()) {
            throw ValidationFailedException.of("image", "required");
        }
        room.requireRoom(jwt.getSubject());
        scans.countPhoto(jwt.getSubject(), photosPerAccount).ifPresent(wait -> {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "scan_limit", wait);
        });
        byte[] bytes = image.getBytes();
        ScanResult scan;
        try (PixelBudget.Held pixels = budget.take(intake.declaredPixels(bytes))) {
            ImageIntake.AcceptedImage accepted = intake.accept(bytes);
            Optional<CropBox> crop = CropBox.of(cropX, cropY, cropWidth, cropHeight);
            if (crop.isPresent()) {
                BufferedImage cropped = crop.get().apply(accepted.image());
                accepted = intake.reencode(cropped, accepted.contentType());
            }
            Optional<MrzReading> reading = ocr.read(accepted.image());
            scan = scans.store(jwt.getSubject(), accepted, reading, unusedPerAccount);
        }
        return ResponseEntity.created(URI.create("/api/documents/scans/" + scan.id())).body(body(scan));
    }

    /** The caller's scans, newest first: when, what was read, and where the image is. */
    @GetMapping("/api/documents/scans")
    List<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt) {
        return scans.ofAccount(jwt.getSubject()).stream().map(scan -> {
            Map<String, Object> body = body(scan);
            body.put("scannedAt", scan.createdAt());
            body.put("image", "/api/documents/scans/" + scan.id() + "/image");
            return body;
        }).toList();
    }

    @GetMapping("/api/documents/scans/{id}/image")
    ResponseEntity<byte[]> image(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        ScanResult scan = scans.find(id, jwt.getSubject()).orElseThrow(ProblemException::notFound);
        byte[] bytes = scans.image(scan).orElseThrow(ProblemException::notFound);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(scan.contentType())).body(bytes);
    }

    private static Map<String, Object> body(ScanResult scan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scanId", scan.id());
        Map<String, String> mrz = new LinkedHashMap<>();
        for (int i = 0; i < scan.lines().size(); i++) {
            mrz.put("line" + (i + 1), scan.lines().get(i));
        }
        body.put("mrz", mrz);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : MrzReading.FIELD_NAMES) {
            if (scan.fields().containsKey(name)) {
                fields.put(name, scan.fields().get(name));
            }
        }
        body.put("fields", fields);
        body.put("checks", scan.checks());
        body.put("unreadable", scan.unreadable());
        return body;
    }
}

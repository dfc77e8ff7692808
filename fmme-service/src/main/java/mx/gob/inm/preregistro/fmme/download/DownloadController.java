package mx.gob.inm.preregistro.fmme.download;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.fmme.form.Fmme;
import mx.gob.inm.preregistro.fmme.form.Fmmes;
import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * The two PDFs of a pre-registration's valid form, for its owner only (R-FMM-2): opened in the browser
 * ({@code inline}). Anyone else, an unknown id and a revoked form all get the same 404, revealing nothing.
 */
@RestController
@RequestMapping("/api/fmme/{preregistrationId}")
class DownloadController {

    private final Fmmes fmmes;

    DownloadController(Fmmes fmmes) {
        this.fmmes = fmmes;
    }

    @GetMapping("/fmme.pdf")
    ResponseEntity<byte[]> fmme(@PathVariable String preregistrationId, @AuthenticationPrincipal Jwt caller) {
        return pdf(preregistrationId, caller, Fmme::fmmePdf, "");
    }

    @GetMapping("/qr.pdf")
    ResponseEntity<byte[]> qrReceipt(@PathVariable String preregistrationId, @AuthenticationPrincipal Jwt caller) {
        return pdf(preregistrationId, caller, Fmme::qrReceiptPdf, "-QR");
    }

    private ResponseEntity<byte[]> pdf(String preregistrationId, Jwt caller, Function<Fmme, byte[]> file,
            String suffix) {
        Fmme form = fmmes.findIssued(uuid(preregistrationId), caller.getSubject())
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "fmme_not_found"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(form.folio() + suffix + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.apply(form));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "fmme_not_found");
        }
    }
}

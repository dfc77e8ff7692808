package mx.gob.inm.preregistro.document.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.document.scan.ScanResult;
import mx.gob.inm.preregistro.document.scan.Scans;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;

/**
 * What a registration must agree with when it names the scan it was pre-filled from: the scan is the caller's, and
 * the nationality entered is the one the document's machine-readable zone shows (R-DOC-6: a dual national picks
 * the document's).
 */
@Component
class ScanCheck {

    private final Scans scans;

    ScanCheck(Scans scans) {
        this.scans = scans;
    }

    List<FieldViolation> check(String accountId, RegistrationForm form) {
        if (form.scanId() == null || form.scanId().isBlank()) {
            return List.of();
        }
        Optional<ScanResult> scan = scans.find(form.scanId().trim(), accountId);
        if (scan.isEmpty()) {
            // another traveller's, or erased: unused for a day (scan.UnusedScans), or its document deleted
            return List.of(FieldViolation.of("scanId", "scan_unavailable"));
        }
        String read = scan.get().fields().get("nationality");
        if (read != null && !read.equals(DocumentRules.normalise(form.nationality()))) {
            return List.of(FieldViolation.of("nationality", "nationality_mismatch", read));
        }
        return List.of();
    }
}

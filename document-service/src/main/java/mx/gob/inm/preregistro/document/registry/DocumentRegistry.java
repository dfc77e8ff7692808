package mx.gob.inm.preregistro.document.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.document.scan.RegistrationRoom;
import mx.gob.inm.preregistro.document.scan.Scans;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * A traveller's documents: register (rules → the scan it came from → captcha → store with its events), list, delete.
 * The captcha is verified last, so a form with mistakes is answered without spending it.
 */
@Service
public class DocumentRegistry implements RegistrationRoom {

    private final DocumentRules rules;
    private final ScanCheck scanCheck;
    private final Scans scans;
    private final Captchas captchas;
    private final Documents documents;
    private final Outbox outbox;
    private final Clock clock;
    private final DocumentProperties properties;
    private final ClosedAccounts closedAccounts;

    DocumentRegistry(ScanCheck scanCheck, Scans scans, Captchas captchas, Documents documents, Outbox outbox,
            Clock clock, DocumentProperties properties, ClosedAccounts closedAccounts) {
        this.rules = new DocumentRules(clock, properties);
        this.scanCheck = scanCheck;
        this.scans = scans;
        this.captchas = captchas;
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.closedAccounts = closedAccounts;
    }

    TravelDocument register(String accountId, RegistrationForm form) {
        closedAccounts.requireOpen(accountId);
        List<FieldViolation> violations = rules.check(form);
        if (violations.isEmpty()) {
            violations = scanCheck.check(accountId, form);
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        requireRoom(accountId);
        captchas.verify(form.captchaId(), form.captchaAnswer());
        TravelDocument document = TravelDocument.register(accountId, form, clock.instant());
        document.record(outbox.entryFor(document.registered(), accountId));
        document.record(outbox.entryFor(document.validated(), accountId));
        if (!documents.insert(document)) {
            throw new ProblemException(HttpStatus.CONFLICT, "document_duplicate");
        }
        if (document.scanId() != null) {
            scans.markUsed(document.scanId(), accountId);
        }
        return document;
    }

    /** At most {@code preregistro.documents.per-account} documents at once, each keeping its passport's photo. */
    @Override
    public void requireRoom(String accountId) {
        if (documents.atLimit(accountId, properties.perAccount())) {
            throw new ProblemException(HttpStatus.CONFLICT, "document_limit");
        }
    }

    List<TravelDocument> list(String accountId) {
        return documents.ofAccount(accountId);
    }

    TravelDocument get(UUID id, String accountId) {
        return documents.find(id, accountId).orElseThrow(ProblemException::notFound);
    }

    /**
     * Asks for the deletion of a document no service record is known to use (R-DOC-9): the answer, the document
     * with its deletion pending, is given at once; preregistration-service's {@code DocumentWithdrawn} completes it
     * ({@link #withdrawn}), or a submission that came first cancels it. Asking again changes nothing.
     */
    TravelDocument delete(UUID id, String accountId) {
        TravelDocument document = get(id, accountId);
        if (document.inUse()) {
            throw inUse();
        }
        if (!document.deleting()) {
            documents.requestDeletion(id, accountId, clock.instant(),
                    outbox.entryFor(document.deletionRequested(), accountId));
        }
        // as stored now: asked for by this call or a simultaneous one, or in use by a service record arrived since
        TravelDocument now = get(id, accountId);
        if (!now.deleting()) {
            throw inUse();
        }
        return now;
    }

    /**
     * preregistration-service withdrew the document whose deletion was asked for (no submission uses it, none ever
     * will): what it says about its holder is erased, and its scan.
     */
    void withdrawn(UUID id, String accountId) {
        documents.delete(id, accountId, outbox.entryFor(new DocumentDeleted(id, accountId), accountId))
                .map(TravelDocument::scanId)
                .ifPresent(scanId -> scans.erase(scanId, accountId));
    }

    private static ProblemException inUse() {
        return new ProblemException(HttpStatus.CONFLICT, "document_in_use");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}

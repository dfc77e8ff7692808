package mx.gob.inm.preregistro.fmme.form;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssueFailed;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.fmme.FmmeRevoked;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.fmme.FmmeProperties;
import mx.gob.inm.preregistro.fmme.pdf.FormPrinter.PrintedForm;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * One FMME form: the folio given to one approval of a pre-registration, its two PDFs (kept in the document, so
 * the form, its files and its events are saved in one write), its seal, and whether it is still valid. A
 * pre-registration approved again after a reschedule gets a new form; the old one is revoked.
 */
@Document(Fmme.COLLECTION)
public class Fmme {

    public static final String COLLECTION = "fmmes";

    /** Where a form stands. */
    public enum Status {
        /** Printed and valid (until its validity ends). */
        ISSUED,
        /** Could not be printed; the traveller's recovery request tries again with the same folio. */
        FAILED,
        /** Cancelled, rescheduled or the account closed (R-FMM-4): verification answers REVOKED. */
        REVOKED
    }

    @Id
    private String folio;
    private UUID preregistrationId;
    private String accountId;
    private UUID approvalEventId;
    private PreRegistrationApproved approval;
    private Status status;
    private Instant issuedAt;
    private Instant validUntil;
    private String keyId;
    private String seal;
    private byte[] fmmePdf;
    private byte[] qrReceiptPdf;
    private String failureReason;
    private Instant revokedAt;
    private FmmeRevoked.Reason revokedReason;
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Fmme() {
    }

    /** A printed form for this approval. */
    static Fmme issued(String folio, UUID approvalEventId, PreRegistrationApproved approval, Instant issuedAt,
            Instant validUntil, String keyId, String seal, PrintedForm printed) {
        Fmme form = of(folio, approvalEventId, approval);
        form.print(issuedAt, validUntil, keyId, seal, printed);
        return form;
    }

    /** A form whose printing failed: the folio is kept for the recovery request. */
    static Fmme failed(String folio, UUID approvalEventId, PreRegistrationApproved approval, String reason) {
        Fmme form = of(folio, approvalEventId, approval);
        form.status = Status.FAILED;
        form.failureReason = reason;
        return form;
    }

    private static Fmme of(String folio, UUID approvalEventId, PreRegistrationApproved approval) {
        Fmme form = new Fmme();
        form.folio = folio;
        form.preregistrationId = approval.preregistrationId();
        form.accountId = approval.accountId();
        form.approvalEventId = approvalEventId;
        form.approval = approval;
        return form;
    }

    /** Prints a failed form again, keeping its folio (R-FMM-3). */
    void print(Instant issuedAt, Instant validUntil, String keyId, String seal, PrintedForm printed) {
        this.status = Status.ISSUED;
        this.issuedAt = issuedAt;
        this.validUntil = validUntil;
        this.keyId = keyId;
        this.seal = seal;
        this.fmmePdf = printed.fmmePdf();
        this.qrReceiptPdf = printed.qrReceiptPdf();
        this.failureReason = null;
    }

    /** The event telling notification-service to e-mail both files, to the approval's address. */
    FmmeIssued issuedEvent(FmmeProperties properties, boolean resend) {
        return issuedEvent(properties, resend, approval.email(), approval.language());
    }

    /** The event telling notification-service to e-mail both files (again when {@code resend}). */
    FmmeIssued issuedEvent(FmmeProperties properties, boolean resend, String email, Language language) {
        if (status != Status.ISSUED) {
            throw new IllegalStateException("form " + folio + " is " + status);
        }
        String givenNames = approval.traveller().givenNames();
        return new FmmeIssued(preregistrationId, folio, accountId, email,
                givenNames == null || givenNames.isBlank() ? approval.traveller().surname() : givenNames,
                language, approval.trip().entryDate(),
                properties.downloadUrl(preregistrationId, "fmme.pdf"),
                properties.downloadUrl(preregistrationId, "qr.pdf"), resend);
    }

    FmmeIssueFailed failedEvent() {
        return new FmmeIssueFailed(preregistrationId, accountId, failureReason);
    }

    /** Revokes an issued form (R-FMM-4); returns the event. */
    FmmeRevoked revoke(FmmeRevoked.Reason reason, Instant now) {
        if (status != Status.ISSUED) {
            throw new IllegalStateException("form " + folio + " is " + status);
        }
        status = Status.REVOKED;
        revokedAt = now;
        revokedReason = reason;
        return new FmmeRevoked(preregistrationId, folio, accountId, reason);
    }

    void record(OutboxEntry entry) {
        outbox.add(entry);
    }

    public String folio() {
        return folio;
    }

    public UUID preregistrationId() {
        return preregistrationId;
    }

    public String accountId() {
        return accountId;
    }

    public PreRegistrationApproved approval() {
        return approval;
    }

    public Status status() {
        return status;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String keyId() {
        return keyId;
    }

    public FmmeRevoked.Reason revokedReason() {
        return revokedReason;
    }

    public String seal() {
        return seal;
    }

    public byte[] fmmePdf() {
        return fmmePdf;
    }

    public byte[] qrReceiptPdf() {
        return qrReceiptPdf;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}

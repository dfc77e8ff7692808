package mx.gob.inm.preregistro.fmme.form;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.fmme.FmmeRevoked;
import mx.gob.inm.preregistro.contracts.preregistration.FmmeRecoveryRequested;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.fmme.FmmeProperties;
import mx.gob.inm.preregistro.fmme.pdf.FormContent;
import mx.gob.inm.preregistro.fmme.pdf.FormPrinter;
import mx.gob.inm.preregistro.fmme.seal.SealContent;
import mx.gob.inm.preregistro.fmme.seal.SealKeyring;
import mx.gob.inm.preregistro.fmme.seal.SealSigner;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * The life of FMME forms: issued once per approval (R-FMM-1) with a signed seal (R-FMM-5), revoked when the
 * pre-registration is cancelled or rescheduled (R-FMM-4), published again on the traveller's recovery request
 * with the same folio (R-FMM-3). Each change and its event are stored together (outbox).
 *
 * <p>Meters: counter {@code preregistro.fmme.forms} and timer {@code preregistro.fmme.issue} (from the approval's
 * arrival to the stored form), both tagged {@code outcome} = issued|failed.
 */
@Service
public class FmmeIssuing {

    private static final Logger log = LoggerFactory.getLogger(FmmeIssuing.class);
    private static final int FOLIO_ATTEMPTS = 5;
    /** Approval received → form stored (printed, or failed), tagged {@code outcome} = issued|failed. */
    private static final String ISSUE_TIMER = "preregistro.fmme.issue";

    private final Fmmes fmmes;
    private final FormPrinter printer;
    private final SealKeyring keys;
    private final Outbox outbox;
    private final FmmeProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public FmmeIssuing(Fmmes fmmes, FormPrinter printer, SealKeyring keys, Outbox outbox, FmmeProperties properties,
            MeterRegistry meters, Clock clock) {
        this.fmmes = fmmes;
        this.printer = printer;
        this.keys = keys;
        this.outbox = outbox;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Issues the form of one approval, once: a second delivery of the same approval finds its form. A form of an
     * earlier approval of the same pre-registration that is still valid is revoked first (rescheduled).
     */
    public void issue(UUID approvalEventId, PreRegistrationApproved approval) {
        Timer.Sample received = Timer.start(meters);
        if (fmmes.existsForApproval(approvalEventId)) {
            return;
        }
        revoke(approval.preregistrationId(), FmmeRevoked.Reason.RESCHEDULED);
        for (int attempt = 1; attempt <= FOLIO_ATTEMPTS; attempt++) {
            Fmme form = print(approvalEventId, approval);
            try {
                fmmes.insert(form);
                String outcome = form.status().name().toLowerCase();
                meters.counter("preregistro.fmme.forms", "outcome", outcome).increment();
                received.stop(meters.timer(ISSUE_TIMER, "outcome", outcome));
                return;
            } catch (DuplicateKeyException e) {
                if (fmmes.existsForApproval(approvalEventId)) {
                    return;
                }
                log.info("Folio {} was taken, drawing another", form.folio());
            }
        }
        throw new IllegalStateException("no free folio after " + FOLIO_ATTEMPTS + " attempts");
    }

    /** Revokes the valid forms of a pre-registration (R-FMM-4); each one gets its {@code FmmeRevoked}. */
    public void revoke(UUID preregistrationId, FmmeRevoked.Reason reason) {
        for (Fmme form : fmmes.findByPreRegistration(preregistrationId, Fmme.Status.ISSUED)) {
            FmmeRevoked revoked = form.revoke(reason, clock.instant());
            if (fmmes.markRevoked(form, outbox.entryFor(revoked, form.accountId()))) {
                log.info("FMME {} revoked: {}", form.folio(), reason);
            }
        }
    }

    /**
     * Publishes the valid form again for the recovery request (R-FMM-3), same folio, to the address and language of
     * the request; a form whose printing had failed is printed now. Nothing happens for another account's request
     * or a pre-registration without a form.
     */
    public void reissue(FmmeRecoveryRequested request) {
        fmmes.findIssued(request.preregistrationId(), request.accountId()).ifPresentOrElse(
                form -> fmmes.recordEvent(form.folio(), outbox.entryFor(
                        form.issuedEvent(properties, true, request.email(), request.language()), form.accountId())),
                () -> fmmes.findByPreRegistration(request.preregistrationId(), Fmme.Status.FAILED).stream()
                        .filter(form -> form.accountId().equals(request.accountId()))
                        .findFirst()
                        .ifPresentOrElse(failed -> printAgain(failed, request),
                                () -> log.info("No form to re-send for pre-registration {}",
                                        request.preregistrationId())));
    }

    private void printAgain(Fmme failed, FmmeRecoveryRequested request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SealSigner signer = keys.signer();
        Instant validUntil = FormValidity.until(failed.approval().trip(), properties.zone(), properties.maxStay());
        String seal = signer.seal(sealContent(failed.folio(), failed.approval(), now, validUntil));
        failed.print(now, validUntil, signer.keyId(), seal,
                printer.print(new FormContent(failed.folio(), failed.approval(), now, validUntil, seal)));
        fmmes.markPrinted(failed, outbox.entryFor(
                failed.issuedEvent(properties, true, request.email(), request.language()), failed.accountId()));
    }

    /** The printed form, or the failed one with its {@code FmmeIssueFailed} when printing fails. */
    private Fmme print(UUID approvalEventId, PreRegistrationApproved approval) {
        String folio = Folios.next(clock.instant(), properties.zone());
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant validUntil = FormValidity.until(approval.trip(), properties.zone(), properties.maxStay());
            SealSigner signer = keys.signer();
            String seal = signer.seal(sealContent(folio, approval, now, validUntil));
            Fmme form = Fmme.issued(folio, approvalEventId, approval, now, validUntil, signer.keyId(), seal,
                    printer.print(new FormContent(folio, approval, now, validUntil, seal)));
            form.record(outbox.entryFor(form.issuedEvent(properties, false), approval.accountId()));
            return form;
        } catch (RuntimeException e) {
            log.error("FMME of pre-registration {} could not be printed", approval.preregistrationId(), e);
            Fmme form = Fmme.failed(folio, approvalEventId, approval, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            form.record(outbox.entryFor(form.failedEvent(), approval.accountId()));
            return form;
        }
    }

    private static SealContent sealContent(String folio, PreRegistrationApproved approval, Instant issuedAt,
            Instant validUntil) {
        Traveller traveller = approval.traveller();
        return new SealContent(folio, traveller.surname(), traveller.givenNames(), traveller.documentNumber(),
                traveller.nationality(), approval.trip().entryDate(), approval.trip().flightNumber(), issuedAt,
                validUntil);
    }
}

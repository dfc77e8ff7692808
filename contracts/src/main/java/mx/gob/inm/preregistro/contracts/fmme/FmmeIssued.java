package mx.gob.inm.preregistro.contracts.fmme;

import java.time.LocalDate;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/**
 * The FMME and its QR receipt were generated for an approved pre-registration (R-FMM-1). notification-service
 * sends two e-mails (R-FMM-2): the QR receipt, and the FMME download link.
 *
 * @param folio                the FMME folio printed on the form
 * @param entryDate            the entry date the form is for
 * @param fmmeDownloadUrl      where the holder downloads the FMME PDF (owner only)
 * @param qrReceiptDownloadUrl where the QR receipt PDF is downloaded (owner only)
 * @param resend               {@code true} when the traveller asked to re-send a form issued before (R-FMM-3)
 */
public record FmmeIssued(
        UUID preregistrationId,
        String folio,
        String accountId,
        String email,
        String givenNames,
        Language language,
        LocalDate entryDate,
        String fmmeDownloadUrl,
        String qrReceiptDownloadUrl,
        boolean resend) implements DomainEvent {

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}

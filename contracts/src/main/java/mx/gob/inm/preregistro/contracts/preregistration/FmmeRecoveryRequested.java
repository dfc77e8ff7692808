package mx.gob.inm.preregistro.contracts.preregistration;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/**
 * The traveller clicked "recuperar FMM y QR" after a failed delivery (R-FMM-3): fmme-service publishes the
 * issued form again ({@code FmmeIssued} with {@code resend = true}) so both e-mails go out again.
 */
public record FmmeRecoveryRequested(
        UUID preregistrationId,
        String accountId,
        String email,
        Language language) implements DomainEvent {

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}

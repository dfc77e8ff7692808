package mx.gob.inm.preregistro.contracts.preregistration;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/**
 * A pre-registration met the requirements (R-PRE-8). It carries everything fmme-service needs to print the
 * FMME and QR receipt and to e-mail them; the folio is assigned by fmme-service. After a reschedule the same
 * pre-registration is approved again: the earlier form is revoked and a new one issued.
 *
 * @param nue      the Número Único de Extranjero (variant I), otherwise {@code null}
 * @param sreFolio the SRE accreditation card folio (variant II), otherwise {@code null}
 * @param email    where the FMME and QR receipt are sent
 * @param language the language of the FMME e-mails
 */
public record PreRegistrationApproved(
        UUID preregistrationId,
        String accountId,
        UUID documentId,
        PreRegistrationVariant variant,
        Traveller traveller,
        Trip trip,
        Lodging lodging,
        String nue,
        String sreFolio,
        String email,
        Language language) implements DomainEvent {

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}

package mx.gob.inm.preregistro.contracts.preregistration;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * The traveller sent a complete pre-registration (ENVIAR INFORMACIÓN); the decision follows at once as
 * {@link PreRegistrationApproved} or {@link PreRegistrationRejected}.
 */
public record PreRegistrationSubmitted(
        UUID preregistrationId,
        String accountId,
        UUID documentId,
        PreRegistrationVariant variant,
        Trip trip) implements DomainEvent {

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}

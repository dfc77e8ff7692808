package mx.gob.inm.preregistro.contracts.notification;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * An e-mail was accepted by the mail server.
 *
 * @param causeEventId   the {@code eventId} of the event that asked for it (notifications are idempotent by it)
 * @param causeEventType the {@code type} of that event
 * @param relatedId      the pre-registration id for FMME and QR e-mails, the account id for account e-mails
 * @param attempts       how many tries it took (1 or more)
 */
public record NotificationSent(
        UUID notificationId,
        NotificationKind kind,
        UUID causeEventId,
        String causeEventType,
        String relatedId,
        String recipient,
        int attempts) implements DomainEvent {

    @Override
    public String aggregateId() {
        return relatedId;
    }
}

package mx.gob.inm.preregistro.contracts.notification;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * An e-mail could not be delivered after all retries (R-NOT-2); for FMME and QR e-mails the history shows the
 * red "recover FMM and QR" icon (R-FMM-3).
 *
 * @param causeEventId   the {@code eventId} of the event that asked for it
 * @param causeEventType the {@code type} of that event
 * @param relatedId      the pre-registration id for FMME and QR e-mails, the account id for account e-mails
 * @param attempts       how many tries were made
 * @param reason         the last error, for operators
 */
public record NotificationFailed(
        UUID notificationId,
        NotificationKind kind,
        UUID causeEventId,
        String causeEventType,
        String relatedId,
        String recipient,
        int attempts,
        String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return relatedId;
    }
}

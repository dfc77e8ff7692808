package mx.gob.inm.preregistro.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * One e-mail this service sends because of one event, with its outcome event waiting in its outbox.
 * The id is derived from the cause's event id and the kind, so the same cause can never be recorded (or mailed)
 * twice, while a new event (a re-issued FMME, R-FMM-3) gets new notifications.
 *
 * <p>States: {@code PENDING} (recorded, not yet accepted by the mail server), {@code SENT}, {@code FAILED} (every
 * retry failed; a later delivery of the same event may still send it, and then it becomes {@code SENT}).
 */
@Document("notifications")
public class Notification {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    /** The field that names the account a mail went to. */
    static final String ACCOUNT = "accountId";

    @Id
    private String id;
    private UUID notificationId;
    private NotificationKind kind;
    private UUID causeEventId;
    private String causeEventType;
    private String accountId;
    private String relatedId;
    /** The address; erased when the account is closed ({@link MailDelivery#eraseAddresses}). */
    private String recipient;
    private String status;
    private Instant recordedAt;
    private int attempts;
    private Instant sentAt;
    private Instant failedAt;
    private String lastError;
    /** Outcome events waiting for the platform's relay (written with {@code $push} by {@link MailDelivery}). */
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Notification() {
    }

    static String idOf(UUID causeEventId, NotificationKind kind) {
        return causeEventId + ":" + kind;
    }

    /** A mail about to be sent; saved first, so that its id (from the cause) stops a second one. */
    public static Notification pending(UUID causeEventId, String causeEventType, NotificationKind kind,
            String accountId, String relatedId, String recipient, Instant recordedAt) {
        Notification notification = new Notification();
        notification.id = idOf(causeEventId, kind);
        notification.notificationId = UUID.randomUUID();
        notification.kind = kind;
        notification.causeEventId = causeEventId;
        notification.causeEventType = causeEventType;
        notification.accountId = accountId;
        notification.relatedId = relatedId;
        notification.recipient = recipient;
        notification.status = PENDING;
        notification.recordedAt = recordedAt;
        return notification;
    }

    /** The event to publish once the mail server took the mail after {@code tries} more tries. */
    NotificationSent sent(int tries) {
        return new NotificationSent(notificationId, kind, causeEventId, causeEventType, relatedId, recipient,
                attempts + tries);
    }

    /** The event to publish when every retry failed. */
    NotificationFailed failed(String reason) {
        return new NotificationFailed(notificationId, kind, causeEventId, causeEventType, relatedId, recipient,
                attempts, reason);
    }

    public boolean isSent() {
        return SENT.equals(status);
    }

    public boolean isFailed() {
        return FAILED.equals(status);
    }

    public String id() {
        return id;
    }

    public UUID notificationId() {
        return notificationId;
    }

    public String lastError() {
        return lastError;
    }
}

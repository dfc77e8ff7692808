package mx.gob.inm.preregistro.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * One e-mail this service sent because of one event, with the outcome event waiting in its outbox.
 * The id is derived from the cause, so the same cause can never be recorded (or mailed) twice.
 */
@Document("notifications")
public class Notification {

    @Id
    private String id;
    private UUID notificationId;
    private NotificationKind kind;
    private UUID causeEventId;
    private String causeEventType;
    private String relatedId;
    private String recipient;
    private String status;
    private int attempts;
    private Instant sentAt;
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Notification() {
    }

    static String idOf(UUID causeEventId, NotificationKind kind) {
        return causeEventId + ":" + kind;
    }

    /** A mail about to be sent; saved first, so that its id (from the cause) stops a second one. */
    public static Notification pending(UUID causeEventId, String causeEventType, NotificationKind kind,
            String relatedId, String recipient) {
        Notification notification = new Notification();
        notification.id = idOf(causeEventId, kind);
        notification.notificationId = UUID.randomUUID();
        notification.kind = kind;
        notification.causeEventId = causeEventId;
        notification.causeEventType = causeEventType;
        notification.relatedId = relatedId;
        notification.recipient = recipient;
        notification.status = "PENDING";
        return notification;
    }

    /** Marks it sent; returns the event to publish. */
    public mx.gob.inm.preregistro.contracts.notification.NotificationSent markSent(Instant at) {
        status = "SENT";
        attempts++;
        sentAt = at;
        return sentEvent();
    }

    public boolean isSent() {
        return "SENT".equals(status);
    }

    public mx.gob.inm.preregistro.contracts.notification.NotificationSent sentEvent() {
        return new mx.gob.inm.preregistro.contracts.notification.NotificationSent(
                notificationId, kind, causeEventId, causeEventType, relatedId, recipient, attempts);
    }

    void record(List<OutboxEntry> entries) {
        outbox.addAll(entries);
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}

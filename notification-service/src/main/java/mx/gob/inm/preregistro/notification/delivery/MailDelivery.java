package mx.gob.inm.preregistro.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * Sends the e-mails one event asks for, each at most once, and records each outcome with its event
 * ({@code NotificationSent} or {@code NotificationFailed}) in the same document's outbox, in one update.
 *
 * <p>Per mail: a {@link Notification} whose id is {@code <cause eventId>:<kind>} is inserted first (a second
 * delivery of the event finds it), the mail goes out through {@link SmtpSender}, then the document is marked
 * {@code SENT}. A mail already {@code SENT} is never sent again. A database that does not answer at that moment is
 * waited for (up to two minutes) rather than redelivering the event. What remains: if the process dies after the
 * mail server accepted a mail and before that update (a few milliseconds), a redelivery sends it again, with the
 * same {@code Message-ID}.
 *
 * <p>Counters {@code preregistro.notifications.sent} and {@code preregistro.notifications.failed}, tagged by
 * {@code kind}, tell operators how mail is doing.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int MAX_REASON = 500;
    private static final Duration MARK_SENT_PATIENCE = Duration.ofMinutes(2);
    private static final Duration MARK_SENT_RETRY = Duration.ofSeconds(1);

    private final MailTemplates templates;
    private final SmtpSender smtp;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public MailDelivery(MailTemplates templates, SmtpSender smtp, MongoTemplate mongo, Outbox outbox, Clock clock,
            MeterRegistry meters) {
        this.templates = templates;
        this.smtp = smtp;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        mongo.indexOps(Notification.class).createIndex(new Index(Notification.ACCOUNT, Sort.Direction.ASC));
        for (NotificationKind kind : NotificationKind.values()) {
            // every series exists from the start, so an alert on the failure rate has something to read
            sentCounter(kind);
            failedCounter(kind);
        }
    }

    /** What to send: template, language, sender and recipient, and the values of the template. */
    public record Mail(NotificationKind kind, String template, Language language, String from, String to,
            Map<String, String> values) {
    }

    /**
     * What a listener does with the mails an event asks for: {@link #deliver} them, or, from the dead-letter
     * topic, {@link #fail} them. One routing of events to mails serves both.
     */
    @FunctionalInterface
    public interface Handling {
        void handle(EventEnvelope<?> cause, String accountId, String relatedId, List<Mail> mails);
    }

    /**
     * Sends each mail not sent yet, in order. The first that fails stops the rest and throws, so the event is
     * redelivered; the mails already sent are then skipped.
     */
    public void deliver(EventEnvelope<?> cause, String accountId, String relatedId, List<Mail> mails) {
        mails.forEach(mail -> deliver(cause, accountId, relatedId, mail));
    }

    private void deliver(EventEnvelope<?> cause, String accountId, String relatedId, Mail mail) {
        MailTemplates.RenderedMail rendered = templates.render(mail.template(), mail.language(), mail.values());
        Notification notification = recordPending(cause, accountId, relatedId, mail);
        if (notification.isSent()) {
            return;
        }
        int tries;
        try {
            tries = smtp.send(notification.notificationId(), mail.from(), mail.to(), rendered);
        } catch (SmtpSender.SendFailedException e) {
            mongo.updateFirst(byId(notification), new Update().inc("attempts", e.tries())
                    .set("lastError", shorten(e.getMessage())), Notification.class);
            throw e;
        }
        NotificationSent sent = notification.sent(tries);
        markSent(notification, sent, cause);
        sentCounter(mail.kind()).increment();
    }

    /**
     * Marks the mail {@code SENT} with its {@code NotificationSent}. The mail has gone out: were this to fail into a
     * redelivery of the event, the mail would go out again, so a database that does not answer (a restart, a
     * failover) is waited for, up to {@link #MARK_SENT_PATIENCE}, well within Kafka's poll interval.
     */
    private void markSent(Notification notification, NotificationSent sent, EventEnvelope<?> cause) {
        long giveUp = System.nanoTime() + MARK_SENT_PATIENCE.toNanos();
        while (true) {
            try {
                mongo.updateFirst(byId(notification).addCriteria(Criteria.where("status").ne(Notification.SENT)),
                        new Update().set("status", Notification.SENT).set("sentAt", clock.instant())
                                .set("attempts", sent.attempts()).push("outbox", entryFor(sent, cause)),
                        Notification.class);
                return;
            } catch (DataAccessException unreachable) {
                if (System.nanoTime() - giveUp >= 0) {
                    throw unreachable;
                }
                log.warn("Notification {} was sent but cannot be marked sent yet, retrying: {}", notification.id(),
                        unreachable.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(MARK_SENT_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while marking a sent mail", e);
        }
    }

    /**
     * Records as failed each mail of the event that was not sent, with its {@code NotificationFailed} (R-NOT-2):
     * called when the event's last redelivery failed. Idempotent: a mail already sent or failed is left alone.
     *
     * @param reason why the event's handling failed, used when the mail itself recorded no SMTP error
     */
    public void fail(EventEnvelope<?> cause, String accountId, String relatedId, List<Mail> mails, String reason) {
        for (Mail mail : mails) {
            Notification notification = recordPending(cause, accountId, relatedId, mail);
            if (notification.isSent() || notification.isFailed()) {
                continue;
            }
            // the SMTP error this mail last met says more than the listener's exception
            NotificationFailed failed = notification.failed(
                    shorten(notification.lastError() != null ? notification.lastError() : reason));
            long marked = mongo.updateFirst(
                    byId(notification).addCriteria(Criteria.where("status").is(Notification.PENDING)),
                    new Update().set("status", Notification.FAILED).set("failedAt", clock.instant())
                            .set("lastError", failed.reason()).push("outbox", entryFor(failed, cause)),
                    Notification.class).getModifiedCount();
            if (marked == 1) {
                failedCounter(mail.kind()).increment();
                log.warn("Notification {} failed after {} tries: {}", notification.id(), failed.attempts(),
                        failed.reason());
            }
        }
    }

    /**
     * Erases the address of every mail sent to a closed account (R-ENT-5), and the mail server's last answer about
     * each (which may quote it); what was sent, when, and its outcome stay.
     */
    public void eraseAddresses(String accountId) {
        mongo.updateMulti(Query.query(Criteria.where(Notification.ACCOUNT).is(accountId)),
                new Update().unset("recipient").unset("lastError"), Notification.class);
    }

    private Notification recordPending(EventEnvelope<?> cause, String accountId, String relatedId, Mail mail) {
        Notification pending = Notification.pending(cause.eventId(), cause.type(), mail.kind(), accountId, relatedId,
                mail.to(), clock.instant());
        try {
            return mongo.insert(pending);
        } catch (DuplicateKeyException attemptedBefore) {
            return mongo.findById(pending.id(), Notification.class);
        }
    }

    private OutboxEntry entryFor(DomainEvent outcome, EventEnvelope<?> cause) {
        return outbox.entryFor(outcome, cause.subject());
    }

    private Counter sentCounter(NotificationKind kind) {
        return meters.counter("preregistro.notifications.sent", "kind", kind.name());
    }

    private Counter failedCounter(NotificationKind kind) {
        return meters.counter("preregistro.notifications.failed", "kind", kind.name());
    }

    private static Query byId(Notification notification) {
        return Query.query(Criteria.where("_id").is(notification.id()));
    }

    private static String shorten(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}

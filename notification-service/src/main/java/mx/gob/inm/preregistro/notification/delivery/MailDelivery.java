package mx.gob.inm.preregistro.notification.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * Sends one e-mail for one event over SMTP (multipart: text and HTML) and records it, with its
 * {@code NotificationSent} event in the same document's outbox.
 */
@Service
public class MailDelivery {

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    public MailDelivery(JavaMailSender mailSender, MailTemplates templates, MongoTemplate mongo, Outbox outbox,
            Clock clock) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What to send: template, language, sender and recipient, and the values of the template. */
    public record Mail(NotificationKind kind, String template, Language language, String from, String to,
            Map<String, String> values) {
    }

    /**
     * Records the mail, sends it, then marks it sent with its {@code NotificationSent} in the outbox (one update
     * of one document). A mail already marked sent for this cause is not sent again.
     */
    public Notification deliver(EventEnvelope<?> cause, String relatedId, Mail mail) {
        MailTemplates.RenderedMail rendered = templates.render(mail.template(), mail.language(), mail.values());
        Notification notification = recordPending(cause, relatedId, mail);
        if (notification.isSent()) {
            return notification;
        }
        send(mail.from(), mail.to(), rendered);
        notification.record(List.of(outbox.entryFor(notification.markSent(clock.instant()), cause.subject())));
        return mongo.save(notification);
    }

    private Notification recordPending(EventEnvelope<?> cause, String relatedId, Mail mail) {
        Notification pending = Notification.pending(cause.eventId(), cause.type(), mail.kind(), relatedId, mail.to());
        try {
            return mongo.insert(pending);
        } catch (DuplicateKeyException attemptedBefore) {
            return mongo.findById(pending.id(), Notification.class);
        }
    }

    private void send(String from, String to, MailTemplates.RenderedMail rendered) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
        } catch (MessagingException e) {
            throw new MailSendException("Could not compose the message to " + to, e);
        }
        mailSender.send(message);
    }
}

package mx.gob.inm.preregistro.notification.delivery;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The one way out to the mail server: a multipart message sent with a Resilience4j retry (back-off, doubling)
 * inside a circuit breaker (R-NOT-2). While the server is down the circuit opens, so the deliveries waiting in
 * Kafka's retry topics fail at once instead of each holding a consumer for the SMTP time-outs; after
 * {@code openFor} a few sends test the server again.
 *
 * <p>Each message carries a {@code Message-ID} made from its notification id, the same on every try: if a
 * message is sent twice because the server accepted it but the answer was lost, mail clients can tell.
 *
 * <p>Each sending thread (a Kafka consumer) keeps its SMTP connection open for the next message, as RFC 5321 allows
 * (one session, many transactions), instead of connecting, greeting and quitting for every one: an FMME's two
 * e-mails and the next approval's go over the same connection. Before each use a {@code NOOP} checks the server
 * still answers; a connection that fails is closed and the next try connects anew.
 */
@Component
public class SmtpSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpSender.class);
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader each time a message or part is built
        // (jakartaee/mail-api#861); in the service's jar that reads every nested jar, about half of this service's
        // processor time under the benchmark. Named here, the lookup is one class load.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSenderImpl mailSender;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    /** The open connection of each sending thread. */
    private final ThreadLocal<Transport> connections = new ThreadLocal<>();

    public SmtpSender(JavaMailSenderImpl mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        NotificationProperties.Smtp smtp = properties.smtp();
        this.retry = Retry.of("smtp", RetryConfig.custom()
                .maxAttempts(smtp.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(smtp.firstWait(), 2.0))
                .retryExceptions(MailException.class)
                .build());
        this.circuitBreaker = CircuitBreaker.of("smtp", CircuitBreakerConfig.custom()
                .failureRateThreshold(smtp.failureRateThreshold())
                .slidingWindowSize(smtp.slidingWindow())
                .minimumNumberOfCalls(smtp.minimumCalls())
                .waitDurationInOpenState(smtp.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(MailException.class)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event ->
                log.warn("SMTP circuit {}", event.getStateTransition()));
    }

    /**
     * Sends the message, retrying as configured.
     *
     * @return how many tries it took
     * @throws SendFailedException after the last try (or at once while the circuit is open), with the tries made
     */
    public int send(UUID notificationId, String from, String to, MailTemplates.RenderedMail rendered) {
        MimeMessage message = compose(notificationId, from, to, rendered);
        AtomicInteger tries = new AtomicInteger();
        Runnable guarded = CircuitBreaker.decorateRunnable(circuitBreaker, () -> {
            tries.incrementAndGet();
            transmit(message);
        });
        try {
            Retry.decorateRunnable(retry, guarded).run();
            return tries.get();
        } catch (RuntimeException e) {
            throw new SendFailedException(tries.get(), e);
        }
    }

    /** Sends over this thread's open connection (opened when there is none or it no longer answers). */
    private void transmit(MimeMessage message) {
        try {
            String messageId = message.getMessageID();
            message.saveChanges();
            message.setHeader("Message-ID", messageId);   // saveChanges makes a new one
            connection().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            disconnect();
            throw new MailSendException("SMTP send failed: " + e.getMessage(), e);
        }
    }

    private Transport connection() throws MessagingException {
        Transport open = connections.get();
        if (open != null && open.isConnected()) {   // a NOOP; a connection that does not answer it is closed
            return open;
        }
        Transport transport = mailSender.getSession().getTransport(
                mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
        transport.connect(mailSender.getHost(), mailSender.getPort(), blankAsNull(mailSender.getUsername()),
                blankAsNull(mailSender.getPassword()));
        connections.set(transport);
        return transport;
    }

    private void disconnect() {
        Transport open = connections.get();
        connections.remove();
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException alreadyBroken) {
                log.debug("Closing a failed SMTP connection: {}", alreadyBroken.getMessage());
            }
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The circuit's state, for operators and tests. */
    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private MimeMessage compose(UUID notificationId, String from, String to, MailTemplates.RenderedMail rendered) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            // kept when the message is saved for sending (transmit)
            message.setHeader("Message-ID", "<" + notificationId + "@preregistro.inm.gob.mx>");
        } catch (MessagingException e) {
            throw new MailSendException("Could not compose the message to " + to, e);
        }
        return message;
    }

    /** The mail server did not take the message; {@link #tries()} says how often it was offered. */
    public static class SendFailedException extends RuntimeException {

        private final int tries;

        SendFailedException(int tries, RuntimeException cause) {
            super("SMTP send failed after " + tries + " tries: " + cause.getMessage(), cause);
            this.tries = tries;
        }

        public int tries() {
            return tries;
        }
    }
}

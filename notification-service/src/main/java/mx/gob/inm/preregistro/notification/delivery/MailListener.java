package mx.gob.inm.preregistro.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import tools.jackson.core.JacksonException;

/**
 * What every mail listener does with the events of its topic: each event's mails are sent once
 * ({@link MailDelivery#deliver}); an event whose mails could not be sent comes back ({@link Redelivered}), and after
 * the last attempt its mails are recorded as failed ({@link MailDelivery#fail}, R-NOT-2). A listener routes each kind
 * of event of its topic to its mails ({@link #route}); the one routing serves the sending and the failure.
 */
public abstract class MailListener {

    private static final Logger log = LoggerFactory.getLogger(MailListener.class);

    private final String consumer;
    private final EventInbox inbox;
    protected final MailDelivery delivery;

    /** {@code consumer}: the listener's id, under which each event is handled once. */
    protected MailListener(String consumer, EventInbox inbox, MailDelivery delivery) {
        this.consumer = consumer;
        this.inbox = inbox;
        this.delivery = delivery;
    }

    /** Sends the mails of the event in {@code record} not sent yet; a failure throws, for a redelivery. */
    protected final void send(String record) {
        route(inbox.receive(consumer, record), delivery::deliver);
    }

    /** The last redelivery failed: the mails not sent are recorded as failed, with NotificationFailed. */
    protected final void recordFailure(ConsumerRecord<String, String> deadLetter) {
        try {
            route(inbox.receive(consumer + Redelivery.DEAD_LETTERS, deadLetter.value()),
                    (cause, accountId, relatedId, mails) -> delivery.fail(cause, accountId, relatedId, mails,
                            Redelivery.reason(deadLetter)));
        } catch (JacksonException unreadable) {
            log.error("An unreadable record stays in the dead-letter topic {}: {}", deadLetter.topic(),
                    unreadable.getMessage());
        }
    }

    /** Hands each kind of event the listener mails about, with its mails, to {@code handling}. */
    protected abstract void route(EventInbox.Delivery received, MailDelivery.Handling handling);
}

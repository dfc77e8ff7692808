package mx.gob.inm.preregistro.fmme.form;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeRevoked;
import mx.gob.inm.preregistro.contracts.preregistration.FmmeRecoveryRequested;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationAmended;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationCancelled;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * What fmme-service does with {@code preregistrations.v1}, once per event: an approval issues a form, a
 * cancellation or a reschedule revokes it, a recovery request publishes it again.
 */
@Component
class PreRegistrationListener {

    static final String CONSUMER = "fmme.preregistrations";

    private final EventInbox inbox;
    private final FmmeIssuing issuing;

    PreRegistrationListener(EventInbox inbox, FmmeIssuing issuing) {
        this.inbox = inbox;
        this.issuing = issuing;
    }

    /**
     * One consumer per partition of the topic: forms are printed side by side instead of one after the other (each
     * waits for MongoDB and Kafka as well as for the processor). The events of one pre-registration share its key,
     * so its partition, and stay in order.
     */
    @KafkaListener(id = CONSUMER, topics = Topics.PREREGISTRATIONS, concurrency = "${preregistro.fmme.consumers:3}")
    void on(String record) {
        inbox.receive(CONSUMER, record)
                .on(PreRegistrationApproved.class, (envelope, approved) -> issuing.issue(envelope.eventId(), approved))
                .on(PreRegistrationCancelled.class, (envelope, cancelled) -> issuing.revoke(
                        cancelled.preregistrationId(), reasonOf(cancelled)))
                .on(PreRegistrationAmended.class, (envelope, amended) -> issuing.revoke(
                        amended.preregistrationId(), FmmeRevoked.Reason.RESCHEDULED))
                .on(FmmeRecoveryRequested.class, (envelope, request) -> issuing.reissue(request));
    }

    private static FmmeRevoked.Reason reasonOf(PreRegistrationCancelled cancelled) {
        return cancelled.reason() == PreRegistrationCancelled.Reason.ACCOUNT_CLOSED
                ? FmmeRevoked.Reason.ACCOUNT_CLOSED
                : FmmeRevoked.Reason.PREREGISTRATION_CANCELLED;
    }
}

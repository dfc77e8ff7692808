package mx.gob.inm.preregistro.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.notification.NotificationIntegrationTest;

/**
 * The mail server goes away (the relay in front of GreenMail closes every connection) while FMME events arrive;
 * retries are shortened for the test (2 SMTP tries, then redeliveries after 0.5 s, 1 s, 2 s, 2 s).
 */
class SmtpOutageTest extends NotificationIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("R-NOT-2 R-FMM-3 SMTP down through every retry: both mails of the event are recorded FAILED with NotificationFailed on notifications.v1; when SMTP is back a re-issue sends both (NotificationSent) and later events are delivered")
    void outageLongerThanTheRetries() {
        String email = "caida." + UUID.randomUUID() + "@example.co";
        EventEnvelope<FmmeIssued> event = fmmeIssued(email, UUID.randomUUID(), false);
        double failedBefore = failedCount(NotificationKind.QR_RECEIPT);

        relay.cut();
        List<NotificationFailed> failed;
        try {
            publish(Topics.FMME, event);
            failed = awaitFailed(event.eventId(), 2);
        } finally {
            relay.restore();
        }

        String preregistrationId = event.payload().preregistrationId().toString();
        assertThat(failed).extracting(NotificationFailed::kind)
                .containsExactlyInAnyOrder(NotificationKind.FMME_LINK, NotificationKind.QR_RECEIPT);
        assertThat(failed).allSatisfy(outcome -> {
            assertThat(outcome.relatedId()).isEqualTo(preregistrationId);
            assertThat(outcome.recipient()).isEqualTo(email);
            assertThat(outcome.reason()).isNotBlank();
        });
        NotificationFailed fmm = failed.stream().filter(f -> f.kind() == NotificationKind.FMME_LINK).findFirst()
                .orElseThrow();
        assertThat(fmm.attempts()).as("SMTP was tried before giving up").isGreaterThanOrEqualTo(1);
        assertThat(fmm.reason()).contains("SMTP send failed");
        assertThat(failed).allSatisfy(outcome -> assertThat(outcome.reason()).isNotEqualTo("unknown"));
        assertThat(statusesOf(event.eventId())).containsOnly("FAILED").hasSize(2);
        assertThat(mailsTo(email)).isEmpty();
        assertThat(failedCount(NotificationKind.QR_RECEIPT)).isEqualTo(failedBefore + 1);

        EventEnvelope<FmmeIssued> recovery = fmmeIssued(email, event.payload().preregistrationId(), true);
        publish(Topics.FMME, recovery);
        assertThat(awaitMailsTo(email, 2)).hasSize(2);
        assertThat(awaitSent(recovery.eventId(), 2)).extracting(NotificationSent::relatedId)
                .containsOnly(preregistrationId);

        String later = "despues." + UUID.randomUUID() + "@example.co";
        publish(Topics.FMME, fmmeIssued(later, UUID.randomUUID(), false));
        assertThat(awaitMailsTo(later, 2)).hasSize(2);
        assertThat(sentFor(event.eventId())).as("the failed event itself is not sent later").isEmpty();
        assertThat(mailsTo(email)).hasSize(2);
    }

    @Test
    @DisplayName("R-NOT-2 R-NOT-3 a burst of FMME approvals during a short SMTP outage: after it returns every traveller has exactly their two mails, none twice, and no NotificationFailed")
    void shortOutageDuringBurst() throws Exception {
        List<EventEnvelope<FmmeIssued>> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(fmmeIssued("rafaga" + i + "." + UUID.randomUUID() + "@example.co", UUID.randomUUID(), false));
        }

        relay.cut();
        try {
            burst.forEach(event -> publish(Topics.FMME, event));
            await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(
                    Criteria.where("causeEventId").is(burst.get(0).eventId()).and("attempts").gte(1)),
                    Document.class, "notifications") > 0);
        } finally {
            relay.restore();
        }

        for (EventEnvelope<FmmeIssued> event : burst) {
            awaitMailsTo(event.payload().email(), 2);
            awaitSent(event.eventId(), 2);
        }
        Thread.sleep(3000);
        for (EventEnvelope<FmmeIssued> event : burst) {
            assertThat(mailsTo(event.payload().email())).as(event.payload().email()).hasSize(2);
            assertThat(sentFor(event.eventId())).hasSize(2);
            assertThat(failedFor(event.eventId())).isEmpty();
        }
        assertThat(sentFor(burst.get(0).eventId())).filteredOn(sent -> sent.kind() == NotificationKind.FMME_LINK)
                .singleElement().satisfies(sent -> assertThat(sent.attempts()).isGreaterThanOrEqualTo(2));
    }

    @Test
    @DisplayName("R-NOT-2 an account e-mail that cannot be sent is reported too: NotificationFailed through the account consumer's own dead-letter topic")
    void accountMailOutage() {
        String email = "sin-correo." + UUID.randomUUID() + "@example.co";
        EventEnvelope<PasswordChanged> event = envelope(new PasswordChanged(UUID.randomUUID().toString(), email,
                "Marta", Language.es, PasswordChanged.Origin.ACCOUNT_MENU));

        relay.cut();
        List<NotificationFailed> failed;
        try {
            publish(Topics.IDENTITY_ACCOUNTS, event);
            failed = awaitFailed(event.eventId(), 1);
        } finally {
            relay.restore();
        }

        assertThat(failed).singleElement().satisfies(outcome -> {
            assertThat(outcome.kind()).isEqualTo(NotificationKind.PASSWORD_CHANGED);
            assertThat(outcome.relatedId()).isEqualTo(event.payload().accountId());
            assertThat(outcome.causeEventType()).isEqualTo("PasswordChanged");
        });
        assertThat(statusesOf(event.eventId())).containsExactly("FAILED");
        assertThat(mailsTo(email)).isEmpty();
    }

    private List<String> statusesOf(UUID causeEventId) {
        return mongo.find(Query.query(Criteria.where("causeEventId").is(causeEventId)), Document.class,
                "notifications").stream().map(document -> document.getString("status")).toList();
    }

    private double failedCount(NotificationKind kind) {
        Counter counter = meters.find("preregistro.notifications.failed").tag("kind", kind.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}

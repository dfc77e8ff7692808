package mx.gob.inm.preregistro.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.notification.NotificationIntegrationTest;

/**
 * MongoDB goes away at the worst moment for a mail: the mail server has it, the service has not yet marked it
 * {@code SENT}. The database relay is cut as the SMTP relay passes on the end of the FMM mail's data, before the mail
 * server's answer reaches the service, and comes back three seconds later.
 */
class DatabaseOutageTest extends NotificationIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    @DisplayName("R-NOT-2 R-FMM-3 MongoDB down between the SMTP send and the SENT mark: the mark waits for the database, so each mail goes out once (the event is not redelivered into a second FMM e-mail)")
    void databaseDownAfterTheSend() throws Exception {
        String email = "sin-base." + UUID.randomUUID() + "@example.co";
        EventEnvelope<FmmeIssued> event = fmmeIssued(email, UUID.randomUUID(), false);
        AtomicBoolean cut = new AtomicBoolean();
        relay.whenClientSends(email, "\r\n.\r\n", () -> {
            database.cut();
            cut.set(true);
            CompletableFuture.runAsync(database::restore, CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));
        });

        publish(Topics.FMME, event);

        List<NotificationSent> sent = awaitSent(event.eventId(), 2);
        assertThat(cut).as("the database was cut after the FMM mail was handed over").isTrue();
        Thread.sleep(3000);   // a second copy would follow within the redelivery back-off (0.5 s, 1 s, 2 s)
        assertThat(mailsTo(email)).extracting(NotificationIntegrationTest::subjectOf).hasSize(2)
                .anySatisfy(subject -> assertThat(subject).contains("(FMM)"))
                .anySatisfy(subject -> assertThat(subject).contains("código QR"));
        assertThat(sentFor(event.eventId())).hasSize(2).extracting(NotificationSent::kind)
                .containsExactlyInAnyOrder(NotificationKind.FMME_LINK, NotificationKind.QR_RECEIPT);
        assertThat(mongo.find(Query.query(Criteria.where("causeEventId").is(event.eventId())), Document.class,
                "notifications")).extracting(document -> document.getString("status")).containsOnly("SENT").hasSize(2);
    }
}

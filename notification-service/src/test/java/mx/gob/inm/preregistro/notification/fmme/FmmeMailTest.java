package mx.gob.inm.preregistro.notification.fmme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.notification.NotificationIntegrationTest;
import mx.gob.inm.preregistro.testing.MailText;

class FmmeMailTest extends NotificationIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("R-FMM-2 R-NOT-1 R-NOT-3 FmmeIssued delivered twice gives exactly two e-mails: the FMM link from notificaciones-inami@inami.gob.mx and the QR receipt link from alertas.sistemas@inami.gob.mx")
    void twoMailsPerIssuedForm() throws Exception {
        String email = "viajera." + UUID.randomUUID() + "@example.co";
        EventEnvelope<FmmeIssued> event = issued(email, Language.es, false);
        String id = event.payload().preregistrationId().toString();
        double sentBefore = sentCount(NotificationKind.FMME_LINK);

        publish(Topics.FMME, event);
        publish(Topics.FMME, event);

        awaitMailsTo(email, 2);
        List<NotificationSent> sent = awaitSent(event.eventId(), 2);
        Thread.sleep(3000);
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).as("the duplicate delivery sends nothing: two mails, not four").hasSize(2);
        assertThat(sentFor(event.eventId())).hasSize(2);

        MimeMessage fmm = withSubject(mails, "Tu Forma Migratoria Múltiple Electrónica (FMM) está lista");
        assertThat(senderOf(fmm)).isEqualTo("notificaciones-inami@inami.gob.mx");
        assertThat(fmm.getContentType()).startsWith("multipart/");
        assertThat(MailText.plain(fmm)).contains("Hola Ana Lucía:", "Folio: FMME-2026-000123",
                "Fecha de entrada: 24/12/2026", "https://portal.example.test/api/fmme/" + id + "/fmme.pdf");
        assertThat(MailText.html(fmm)).contains("<html lang=\"es\">",
                "<a href=\"https://portal.example.test/api/fmme/" + id + "/fmme.pdf\"", "Descargar FMM")
                .doesNotContain("<img");
        assertThat(fmm.getHeader("Message-ID")[0]).endsWith("@preregistro.inm.gob.mx>");

        MimeMessage qr = withSubject(mails, "Comprobante con código QR de tu pre-registro");
        assertThat(senderOf(qr)).isEqualTo("alertas.sistemas@inami.gob.mx");
        assertThat(MailText.plain(qr)).contains("Hola Ana Lucía:", "FMME-2026-000123",
                "https://portal.example.test/api/fmme/" + id + "/qr.pdf");
        assertThat(MailText.html(qr)).contains("<a href=\"https://portal.example.test/api/fmme/" + id + "/qr.pdf\"",
                "Descargar comprobante QR").doesNotContain("<img");

        assertThat(sent).extracting(NotificationSent::kind)
                .containsExactlyInAnyOrder(NotificationKind.FMME_LINK, NotificationKind.QR_RECEIPT);
        assertThat(sent).allSatisfy(outcome -> {
            assertThat(outcome.relatedId()).isEqualTo(id);
            assertThat(outcome.recipient()).isEqualTo(email);
            assertThat(outcome.causeEventType()).isEqualTo("FmmeIssued");
        });
        assertThat(sentCount(NotificationKind.FMME_LINK)).isEqualTo(sentBefore + 1);
    }

    @Test
    @DisplayName("R-NOT-1 R-FMM-2 an account that chose English gets both FMME e-mails in English")
    void englishMails() {
        String email = "traveller." + UUID.randomUUID() + "@example.com";
        publish(Topics.FMME, issued(email, Language.en, false));

        List<MimeMessage> mails = awaitMailsTo(email, 2);
        MimeMessage fmm = withSubject(mails, "Your Electronic Multiple Immigration Form (FMM) is ready");
        assertThat(MailText.plain(fmm)).contains("Hello Ana Lucía,", "Entry date: 24/12/2026");
        assertThat(MailText.html(fmm)).contains("<html lang=\"en\">", "Download FMM");
        MimeMessage qr = withSubject(mails, "QR code receipt of your pre-registration");
        assertThat(MailText.html(qr)).contains("Download QR receipt");
    }

    @Test
    @DisplayName("R-FMM-3 R-NOT-3 a re-issue (resend) is a new event and sends both e-mails again: two more, and two more NotificationSent")
    void resendSendsBothAgain() {
        String email = "reenvio." + UUID.randomUUID() + "@example.co";
        EventEnvelope<FmmeIssued> first = issued(email, Language.es, false);
        publish(Topics.FMME, first);
        awaitMailsTo(email, 2);

        EventEnvelope<FmmeIssued> resend = envelope(new FmmeIssued(first.payload().preregistrationId(),
                first.payload().folio(), first.payload().accountId(), email, "Ana Lucía", Language.es,
                first.payload().entryDate(), first.payload().fmmeDownloadUrl(),
                first.payload().qrReceiptDownloadUrl(), true));
        publish(Topics.FMME, resend);

        assertThat(awaitMailsTo(email, 4)).hasSize(4);
        assertThat(awaitSent(resend.eventId(), 2)).extracting(NotificationSent::relatedId)
                .containsOnly(first.payload().preregistrationId().toString());
    }

    @Test
    @DisplayName("R-NOT-3 a mail already sent is not sent again even when the event comes back after the consumer's inbox forgot it (crash after sending)")
    void sentMailSurvivesLostInboxMarker() throws Exception {
        String email = "reinicio." + UUID.randomUUID() + "@example.co";
        EventEnvelope<FmmeIssued> event = issued(email, Language.es, false);
        publish(Topics.FMME, event);
        awaitMailsTo(email, 2);
        awaitSent(event.eventId(), 2);

        long forgotten = mongo.remove(Query.query(Criteria.where("eventId").is(event.eventId().toString())),
                "processed_events").getDeletedCount();
        assertThat(forgotten).isEqualTo(1);
        publish(Topics.FMME, event);

        Thread.sleep(3000);
        assertThat(mailsTo(email)).hasSize(2);
        assertThat(sentFor(event.eventId())).hasSize(2);
        assertThat(mongo.count(Query.query(Criteria.where("causeEventId").is(event.eventId())
                .and("status").is("SENT")), Document.class, "notifications")).isEqualTo(2);
    }

    @Test
    @DisplayName("R-NOT-2 a malformed record on fmme.v1 goes straight to the consumer's dead-letter topic and does not hold up the mails behind it")
    void malformedRecordToDeadLetters() {
        String email = "tras-basura." + UUID.randomUUID() + "@example.co";
        EventEnvelope<FmmeIssued> event = issued(email, Language.es, false);
        String garbage = "{not json " + UUID.randomUUID();
        kafka.send(Topics.FMME, event.key(), garbage).join();
        publish(Topics.FMME, event);

        assertThat(awaitMailsTo(email, 2)).hasSize(2);
        try (KafkaConsumer<String, String> deadLetters = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            deadLetters.subscribe(List.of(Topics.FMME + "-notification-dlt"));
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(300)).forEach(record -> seen.add(record.value()));
                return seen.contains(garbage);
            });
        }
    }

    private EventEnvelope<FmmeIssued> issued(String email, Language language, boolean resend) {
        UUID preregistrationId = UUID.randomUUID();
        return envelope(new FmmeIssued(preregistrationId, "FMME-2026-000123", UUID.randomUUID().toString(), email,
                "Ana Lucía", language, LocalDate.of(2026, 12, 24),
                "/api/fmme/" + preregistrationId + "/fmme.pdf", "/api/fmme/" + preregistrationId + "/qr.pdf",
                resend));
    }

    private static MimeMessage withSubject(List<MimeMessage> mails, String subject) {
        return mails.stream().filter(mail -> subject.equals(subjectOf(mail))).findFirst()
                .orElseThrow(() -> new AssertionError("no mail with subject " + subject));
    }

    private double sentCount(NotificationKind kind) {
        Counter counter = meters.find("preregistro.notifications.sent").tag("kind", kind.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}

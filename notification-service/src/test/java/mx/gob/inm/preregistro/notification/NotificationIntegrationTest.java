package mx.gob.inm.preregistro.notification;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.testing.Infrastructure;

/**
 * Base of this module's mail tests ({@link NotificationServiceTest}: one application context, sending and storing
 * through the shared {@link TcpRelay}s). Events are published to Kafka as their producers would; outcomes are read back
 * from {@code notifications.v1}.
 */
@NotificationServiceTest
public abstract class NotificationIntegrationTest {

    protected static final GreenMail smtp = Infrastructure.shared().mail();
    protected static final TcpRelay relay = TcpRelay.smtp();
    protected static final TcpRelay database = TcpRelay.mongo();
    private static final List<DomainEvent> outcomes = new CopyOnWriteArrayList<>();
    private static Thread outcomeReader;

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventJson json;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @BeforeEach
    void readOutcomes() {
        synchronized (NotificationIntegrationTest.class) {
            if (outcomeReader == null) {
                outcomeReader = new Thread(this::collectOutcomes, "notifications-v1-reader");
                outcomeReader.setDaemon(true);
                outcomeReader.start();
            }
        }
    }

    private void collectOutcomes() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATIONS));
            while (true) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> outcomes.add(json.read(record.value()).payload()));
            }
        }
    }

    protected static <E extends DomainEvent> EventEnvelope<E> envelope(E event) {
        return EventEnvelope.of(event, null, null, Clock.systemUTC());
    }

    /** An FMME approval for {@code email}, as fmme-service publishes it ({@code resend}: a re-issue). */
    protected static EventEnvelope<FmmeIssued> fmmeIssued(String email, UUID preregistrationId, boolean resend) {
        return fmmeIssued(UUID.randomUUID().toString(), email, preregistrationId, resend);
    }

    /** The same, for the account {@code accountId}. */
    protected static EventEnvelope<FmmeIssued> fmmeIssued(String accountId, String email, UUID preregistrationId,
            boolean resend) {
        return envelope(new FmmeIssued(preregistrationId, "FMME-2026-000777", accountId, email,
                "Luis", Language.es, LocalDate.of(2026, 12, 30), "/api/fmme/" + preregistrationId + "/fmme.pdf",
                "/api/fmme/" + preregistrationId + "/qr.pdf", resend));
    }

    protected void publish(String topic, EventEnvelope<? extends DomainEvent> event) {
        kafka.send(topic, event.key(), json.write(event)).join();
    }

    protected static List<MimeMessage> awaitMailsTo(String email, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() >= count);
        return mailsTo(email);
    }

    protected static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                        .equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    protected static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String senderOf(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getFrom()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The NotificationSent events caused by that event, read so far from {@code notifications.v1}. */
    protected static List<NotificationSent> sentFor(UUID causeEventId) {
        return outcomes.stream().filter(NotificationSent.class::isInstance).map(NotificationSent.class::cast)
                .filter(sent -> sent.causeEventId().equals(causeEventId)).toList();
    }

    /** The NotificationFailed events caused by that event, read so far from {@code notifications.v1}. */
    protected static List<NotificationFailed> failedFor(UUID causeEventId) {
        return outcomes.stream().filter(NotificationFailed.class::isInstance).map(NotificationFailed.class::cast)
                .filter(failed -> failed.causeEventId().equals(causeEventId)).toList();
    }

    protected static List<NotificationSent> awaitSent(UUID causeEventId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sentFor(causeEventId).size() >= count);
        return sentFor(causeEventId);
    }

    protected static List<NotificationFailed> awaitFailed(UUID causeEventId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> failedFor(causeEventId).size() >= count);
        return failedFor(causeEventId);
    }
}

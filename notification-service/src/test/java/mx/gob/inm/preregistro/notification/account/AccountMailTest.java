package mx.gob.inm.preregistro.notification.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.ExistingAccountRegistrationAttempted;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.IntegrationTest;
import mx.gob.inm.preregistro.testing.MailText;

@IntegrationTest
class AccountMailTest {

    private static final GreenMail smtp = Infrastructure.shared().mail();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventJson json;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    @DisplayName("R-ACC-5 R-NOT-1 R-NOT-3 AccountRegistered delivered twice gives one multipart 'Activar cuenta' e-mail from alertas.sistemas@inami.gob.mx and one NotificationSent")
    void oneActivationMailPerEvent() throws Exception {
        String email = "viajero." + UUID.randomUUID() + "@example.co";
        EventEnvelope<AccountRegistered> event = registered(email, Language.es);

        publish(event);
        publish(event);

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        Thread.sleep(3000);
        assertThat(mailsTo(email)).as("the duplicate delivery sends nothing").hasSize(1);

        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("alertas.sistemas@inami.gob.mx");
        assertThat(mail.getSubject()).isEqualTo("Activa tu cuenta del Portal de Servicios del INM");
        assertThat(mail.getContentType()).startsWith("multipart/");
        assertThat(MailText.plain(mail)).contains("Hola Juan Pablo:", "Activar cuenta", "72 horas",
                "https://localhost:8080/activar?token=abc");
        assertThat(MailText.html(mail)).contains("<a href=\"https://localhost:8080/activar?token=abc\"",
                "Activar cuenta").doesNotContain("<img");

        assertThat(notificationsSentFor(event.eventId())).hasSize(1);
    }

    @Test
    @DisplayName("R-NOT-1 an account that chose English gets the activation e-mail in English")
    void englishActivationMail() {
        String email = "traveller." + UUID.randomUUID() + "@example.com";
        publish(registered(email, Language.en));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Activate your INM Services Portal account");
        assertThat(MailText.plain(mail)).contains("Hello Juan Pablo,", "Activate account", "72 hours");
    }

    private EventEnvelope<AccountRegistered> registered(String email, Language language) {
        return EventEnvelope.of(new AccountRegistered(UUID.randomUUID().toString(), email, "Juan Pablo", "Pérez",
                language, "https://localhost:8080/activar?token=abc", Instant.now().plus(Duration.ofHours(72))),
                null, null, java.time.Clock.systemUTC());
    }

    @Test
    @DisplayName("R-ACC-7 a requested activation link arrives as a new 'Activar cuenta' e-mail")
    void activationLinkOnRequest() {
        String email = "reenvio." + UUID.randomUUID() + "@example.co";
        publish(EventEnvelope.of(new ActivationLinkRequested(UUID.randomUUID().toString(), email, "Juan Pablo",
                Language.es, "https://localhost:8080/#/cuenta/activar?token=nuevo",
                Instant.now().plus(Duration.ofHours(72))), null, null, java.time.Clock.systemUTC()));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Nuevo enlace para activar tu cuenta del Portal de Servicios del INM");
        assertThat(MailText.plain(mail)).contains("Activar cuenta", "cuenta/activar?token=nuevo",
                "los enlaces anteriores ya no sirven");
    }

    @Test
    @DisplayName("R-ACC-7 a password recovery link is e-mailed, in the account's language")
    void passwordRecoveryLink() {
        String email = "olvido." + UUID.randomUUID() + "@example.com";
        publish(EventEnvelope.of(new PasswordResetRequested(UUID.randomUUID().toString(), email, "Juan Pablo",
                Language.en, "https://localhost:8080/#/cuenta/restablecer?token=r1",
                Instant.now().plus(Duration.ofMinutes(60))), null, null, java.time.Clock.systemUTC()));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Recover your INM Services Portal password");
        assertThat(MailText.plain(mail)).contains("cuenta/restablecer?token=r1", "your password will not change");
        assertThat(MailText.html(mail)).contains("Reset password", "<html lang=\"en\">");
    }

    @Test
    @DisplayName("R-ACC-7 the owner of an e-mail someone tried to register again is told, while the registration reveals nothing")
    void existingAccountNotice() {
        String email = "duena." + UUID.randomUUID() + "@example.co";
        publish(EventEnvelope.of(new ExistingAccountRegistrationAttempted(UUID.randomUUID().toString(), email,
                "Marta", Language.es, true), null, null, java.time.Clock.systemUTC()));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Tu correo ya tiene una cuenta en el Portal de Servicios del INM");
        assertThat(MailText.plain(mail)).contains("Hola Marta:", "ya tiene una cuenta", "Recuperar cuenta");
    }

    private void publish(EventEnvelope<? extends mx.gob.inm.preregistro.contracts.DomainEvent> event) {
        kafka.send(Topics.IDENTITY_ACCOUNTS, event.key(), json.write(event)).join();
    }

    private List<MimeMessage> awaitMailsTo(String email, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() >= count);
        return mailsTo(email);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()
                        .equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<NotificationSent> notificationsSentFor(UUID causeEventId) {
        List<NotificationSent> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATIONS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (json.read(record.value()).payload() instanceof NotificationSent sent
                            && sent.causeEventId().equals(causeEventId)) {
                        found.add(sent);
                    }
                });
                return !found.isEmpty();
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (json.read(record.value()).payload() instanceof NotificationSent sent
                        && sent.causeEventId().equals(causeEventId)) {
                    found.add(sent);
                }
            });
        }
        return found;
    }
}

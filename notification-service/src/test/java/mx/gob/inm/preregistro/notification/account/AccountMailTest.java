package mx.gob.inm.preregistro.notification.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.ExistingAccountRegistrationAttempted;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.notification.NotificationIntegrationTest;
import mx.gob.inm.preregistro.testing.MailText;

class AccountMailTest extends NotificationIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    @DisplayName("R-ACC-5 R-NOT-1 R-NOT-3 AccountRegistered delivered twice gives one multipart 'Activar cuenta' e-mail from alertas.sistemas@inami.gob.mx and one NotificationSent")
    void oneActivationMailPerEvent() throws Exception {
        String email = "viajero." + UUID.randomUUID() + "@example.co";
        EventEnvelope<AccountRegistered> event = registered(email, Language.es);

        publish(event);
        publish(event);

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        NotificationSent sent = awaitSent(event.eventId(), 1).get(0);
        Thread.sleep(3000);
        assertThat(mailsTo(email)).as("the duplicate delivery sends nothing").hasSize(1);

        assertThat(senderOf(mail)).isEqualTo("alertas.sistemas@inami.gob.mx");
        assertThat(mail.getSubject()).isEqualTo("Activa tu cuenta del Portal de Servicios del INM");
        assertThat(mail.getContentType()).startsWith("multipart/");
        assertThat(MailText.plain(mail)).contains("Hola Juan Pablo:", "Activar cuenta", "72 horas",
                "https://localhost:8080/activar?token=abc");
        assertThat(MailText.html(mail)).contains("<a href=\"https://localhost:8080/activar?token=abc\"",
                "Activar cuenta").doesNotContain("<img");

        assertThat(sentFor(event.eventId())).as("one NotificationSent").hasSize(1);
        assertThat(sent.kind()).isEqualTo(NotificationKind.ACCOUNT_ACTIVATION);
        assertThat(sent.relatedId()).isEqualTo(event.payload().accountId());
        assertThat(sent.attempts()).isEqualTo(1);
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
        return envelope(new AccountRegistered(UUID.randomUUID().toString(), email, "Juan Pablo", "Pérez",
                language, "https://localhost:8080/activar?token=abc", Instant.now().plus(Duration.ofHours(72))));
    }

    @Test
    @DisplayName("R-ACC-7 a requested activation link arrives as a new 'Activar cuenta' e-mail")
    void activationLinkOnRequest() {
        String email = "reenvio." + UUID.randomUUID() + "@example.co";
        publish(envelope(new ActivationLinkRequested(UUID.randomUUID().toString(), email, "Juan Pablo",
                Language.es, "https://localhost:8080/#/cuenta/activar?token=nuevo",
                Instant.now().plus(Duration.ofHours(72)))));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Nuevo enlace para activar tu cuenta del Portal de Servicios del INM");
        assertThat(MailText.plain(mail)).contains("Activar cuenta", "cuenta/activar?token=nuevo",
                "los enlaces anteriores ya no sirven");
    }

    @Test
    @DisplayName("R-ACC-7 a password recovery link is e-mailed, in the account's language")
    void passwordRecoveryLink() {
        String email = "olvido." + UUID.randomUUID() + "@example.com";
        publish(envelope(new PasswordResetRequested(UUID.randomUUID().toString(), email, "Juan Pablo",
                Language.en, "https://localhost:8080/#/cuenta/restablecer?token=r1",
                Instant.now().plus(Duration.ofMinutes(60)))));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Recover your INM Services Portal password");
        assertThat(MailText.plain(mail)).contains("cuenta/restablecer?token=r1", "your password will not change");
        assertThat(MailText.html(mail)).contains("Reset password", "<html lang=\"en\">");
    }

    @Test
    @DisplayName("R-ACC-7 the owner of an e-mail someone tried to register again is told, while the registration reveals nothing")
    void existingAccountNotice() {
        String email = "duena." + UUID.randomUUID() + "@example.co";
        publish(envelope(new ExistingAccountRegistrationAttempted(UUID.randomUUID().toString(), email,
                "Marta", Language.es, true)));

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(subjectOf(mail)).isEqualTo("Tu correo ya tiene una cuenta en el Portal de Servicios del INM");
        assertThat(MailText.plain(mail)).contains("Hola Marta:", "ya tiene una cuenta", "Recuperar cuenta");
    }

    @Test
    @DisplayName("R-NOT-1 a changed password is confirmed to the holder, with the way to recover the account, in Spanish and English")
    void passwordChangedNotice() {
        String spanish = "cambio." + UUID.randomUUID() + "@example.co";
        String english = "changed." + UUID.randomUUID() + "@example.com";
        EventEnvelope<PasswordChanged> event = envelope(new PasswordChanged(UUID.randomUUID().toString(), spanish,
                "Marta", Language.es, PasswordChanged.Origin.ACCOUNT_MENU));
        publish(event);
        publish(envelope(new PasswordChanged(UUID.randomUUID().toString(), english, "Mary", Language.en,
                PasswordChanged.Origin.RESET_LINK)));

        MimeMessage mail = awaitMailsTo(spanish, 1).get(0);
        assertThat(senderOf(mail)).isEqualTo("alertas.sistemas@inami.gob.mx");
        assertThat(subjectOf(mail)).isEqualTo("Se cambió la contraseña de tu cuenta del Portal de Servicios del INM");
        assertThat(MailText.plain(mail)).contains("Hola Marta:", "Recuperar cuenta", "https://portal.example.test");
        assertThat(MailText.html(mail)).contains("<a href=\"https://portal.example.test\"");
        assertThat(awaitSent(event.eventId(), 1).get(0).kind()).isEqualTo(NotificationKind.PASSWORD_CHANGED);

        MimeMessage inEnglish = awaitMailsTo(english, 1).get(0);
        assertThat(subjectOf(inEnglish)).isEqualTo("The password of your INM Services Portal account was changed");
        assertThat(MailText.plain(inEnglish)).contains("Hello Mary,", "Account recovery");
    }

    @Test
    @DisplayName("R-NOT-1 a closed account's holder gets a short confirmation in the account's language")
    void accountClosedNotice() {
        String email = "baja." + UUID.randomUUID() + "@example.co";
        EventEnvelope<AccountClosed> event = envelope(new AccountClosed(UUID.randomUUID().toString(), email,
                "Marta", Language.es));
        publish(event);

        MimeMessage mail = awaitMailsTo(email, 1).get(0);
        assertThat(senderOf(mail)).isEqualTo("alertas.sistemas@inami.gob.mx");
        assertThat(subjectOf(mail)).isEqualTo("Tu cuenta del Portal de Servicios del INM fue cancelada");
        assertThat(MailText.plain(mail)).contains("Hola Marta:", "Cancelamos tu cuenta", "datos personales");
        NotificationSent sent = awaitSent(event.eventId(), 1).get(0);
        assertThat(sent.kind()).isEqualTo(NotificationKind.ACCOUNT_CLOSED);
        assertThat(sent.relatedId()).isEqualTo(event.payload().accountId());
    }

    @Test
    @DisplayName("R-ENT-5 closing an account erases the address of every mail sent to it, once the closure's notice is sent, and an FMME handled after the closure is not mailed")
    void closingErasesTheAddresses() {
        String accountId = UUID.randomUUID().toString();
        String email = "cierre." + UUID.randomUUID() + "@example.co";
        String otherEmail = "sigue." + UUID.randomUUID() + "@example.co";
        publish(Topics.FMME, fmmeIssued(accountId, email, UUID.randomUUID(), false));
        publish(envelope(new PasswordChanged(accountId, email, "Marta", Language.es,
                PasswordChanged.Origin.ACCOUNT_MENU)));
        publish(Topics.FMME, fmmeIssued(otherEmail, UUID.randomUUID(), false));
        awaitMailsTo(email, 3);
        awaitMailsTo(otherEmail, 2);

        publish(envelope(new AccountClosed(accountId, email, "Marta", Language.es)));

        awaitMailsTo(email, 4);
        Query ofTheAccount = Query.query(Criteria.where("accountId").is(accountId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                mongo.find(ofTheAccount, Document.class, "notifications"))
                .as("the account's four mails, sent, without their addresses").hasSize(4)
                .allSatisfy(mail -> assertThat(mail).containsEntry("status", "SENT")
                        .doesNotContainKeys("recipient", "lastError")));
        assertThat(mongo.find(Query.query(Criteria.where("recipient").is(email)), Document.class, "notifications"))
                .isEmpty();
        assertThat(mongo.find(Query.query(Criteria.where("recipient").is(otherEmail)), Document.class,
                "notifications")).as("another traveller's mails keep theirs").hasSize(2);

        EventEnvelope<FmmeIssued> late = fmmeIssued(accountId, email, UUID.randomUUID(), false);
        publish(Topics.FMME, late);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("eventId")
                .is(late.eventId().toString()).and("state").is("DONE")), "processed_events"));
        assertThat(mailsTo(email)).hasSize(4);
        assertThat(mongo.find(ofTheAccount, Document.class, "notifications")).hasSize(4);
    }

    private void publish(EventEnvelope<? extends DomainEvent> event) {
        publish(Topics.IDENTITY_ACCOUNTS, event);
    }
}

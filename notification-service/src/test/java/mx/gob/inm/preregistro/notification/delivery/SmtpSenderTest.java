package mx.gob.inm.preregistro.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import mx.gob.inm.preregistro.notification.TcpRelay;
import mx.gob.inm.preregistro.testing.Infrastructure;

/** The SMTP send on its own, against the harness's GreenMail behind a relay of its own that a test can cut. */
class SmtpSenderTest {

    private static final GreenMail greenMail = Infrastructure.shared().mail();

    private final TcpRelay relay = TcpRelay.to(greenMail.getSmtp().getPort());
    private final SmtpSender sender = new SmtpSender(mailSenderTo(relay.port()), new NotificationProperties(
            "https://portal.example.test", new NotificationProperties.Senders("alertas.sistemas@inami.gob.mx",
                    "notificaciones-inami@inami.gob.mx"),
            new NotificationProperties.Smtp(3, Duration.ofMillis(50), 50, 4, 4, Duration.ofMillis(800))));

    @Test
    @DisplayName("R-NOT-2 a failing send is retried with back-off, the circuit opens after repeated failures and then fails at once without touching SMTP, and closes again when the server is back")
    void retryAndCircuitBreaker() {
        relay.cut();
        SmtpSender.SendFailedException failure = sendExpectingFailure();
        assertThat(failure.tries()).as("three tries, with back-off").isEqualTo(3);
        sendExpectingFailure();
        assertThat(sender.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        SmtpSender.SendFailedException rejected = sendExpectingFailure();
        assertThat(rejected.tries()).as("an open circuit does not touch the server").isZero();
        assertThat(rejected).hasCauseInstanceOf(CallNotPermittedException.class);

        relay.restore();
        String to = "circuito." + UUID.randomUUID() + "@example.co";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> sender.send(UUID.randomUUID(), "alertas.sistemas@inami.gob.mx", to, mail()) == 1);
        assertThat(sender.circuitState()).isNotEqualTo(CircuitBreaker.State.OPEN);
        assertThat(receivedBy(to)).isEqualTo(1);
    }

    @Test
    @DisplayName("R-NOT-1 a sending thread keeps its SMTP connection for the next messages; one the server closed is noticed before the next send, which connects anew and goes through at the first try")
    void connectionKeptAndRenewed() throws Exception {
        int before = relay.connectionsRelayed();
        String to = "conexion." + UUID.randomUUID() + "@example.co";
        for (int i = 0; i < 3; i++) {
            assertThat(sender.send(UUID.randomUUID(), "alertas.sistemas@inami.gob.mx", to, mail())).isEqualTo(1);
        }
        assertThat(relay.connectionsRelayed() - before).as("three messages, one connection").isEqualTo(1);

        relay.cut();   // the server closes the connection between two messages
        relay.restore();
        assertThat(sender.send(UUID.randomUUID(), "alertas.sistemas@inami.gob.mx", to, mail()))
                .as("the closed connection was found out before sending, not by a failed try").isEqualTo(1);
        assertThat(relay.connectionsRelayed() - before).isEqualTo(2);
        assertThat(receivedBy(to)).isEqualTo(4);
    }

    @Test
    @DisplayName("messages are built with Angus Mail's stream provider named, not looked up by a ServiceLoader for each message and part (jakartaee/mail-api#861)")
    void streamProviderNamed() {
        assertThat(System.getProperty(SmtpSender.STREAM_PROVIDER)).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(StreamProvider.provider().getClass().getName())
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private SmtpSender.SendFailedException sendExpectingFailure() {
        String to = "nadie." + UUID.randomUUID() + "@example.co";
        try {
            sender.send(UUID.randomUUID(), "alertas.sistemas@inami.gob.mx", to, mail());
        } catch (SmtpSender.SendFailedException e) {
            return e;
        }
        throw new AssertionError("the send to " + to + " should have failed");
    }

    /** How many messages GreenMail received for {@code to}. */
    private static long receivedBy(String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    private static MailTemplates.RenderedMail mail() {
        return new MailTemplates.RenderedMail("Prueba", "texto", "<p>texto</p>");
    }

    private static JavaMailSenderImpl mailSenderTo(int port) {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(port);
        return mailSender;
    }
}

package mx.gob.inm.preregistro.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTest {

    private final NotificationProperties properties = new NotificationProperties("https://portal.example.test/",
            new NotificationProperties.Senders("a@inami.gob.mx", "b@inami.gob.mx"),
            new NotificationProperties.Smtp(3, Duration.ofSeconds(1), 50, 20, 10, Duration.ofSeconds(30)));

    @Test
    @DisplayName("R-NOT-1 links in e-mails follow the configured public base URL; an absolute URL is kept")
    void links() {
        assertThat(properties.link("/api/fmme/1/qr.pdf")).isEqualTo("https://portal.example.test/api/fmme/1/qr.pdf");
        assertThat(properties.link("api/fmme/1/qr.pdf")).isEqualTo("https://portal.example.test/api/fmme/1/qr.pdf");
        assertThat(properties.link("https://otro.example/api/fmme/1/fmme.pdf"))
                .isEqualTo("https://otro.example/api/fmme/1/fmme.pdf");
    }
}

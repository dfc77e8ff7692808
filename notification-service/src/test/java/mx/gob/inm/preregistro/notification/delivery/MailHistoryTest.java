package mx.gob.inm.preregistro.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.notification.NotificationIntegrationTest;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class MailHistoryTest extends NotificationIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    @DisplayName("R-ENT-5 GET /api/notifications gives the caller the e-mails sent to their account, newest first: kind, address, status, times, and the pre-registration of an FMME's two; another account's are not there; no token → 401")
    void ownMailsNewestFirst() throws Exception {
        TestTraveller ana = Infrastructure.shared().keycloak().traveller("correos.ana@example.com");
        TestTraveller luis = Infrastructure.shared().keycloak().traveller("correos.luis@example.com");
        UUID preregistrationId = UUID.randomUUID();
        publish(Topics.FMME, fmmeIssued(ana.id(), ana.email(), preregistrationId, false));
        publish(Topics.FMME, fmmeIssued(luis.id(), luis.email(), UUID.randomUUID(), false));
        awaitMailsTo(ana.email(), 2);
        EventEnvelope<PasswordChanged> changed = envelope(new PasswordChanged(ana.id(), ana.email(), "Ana",
                Language.es, PasswordChanged.Origin.ACCOUNT_MENU));
        publish(Topics.IDENTITY_ACCOUNTS, changed);
        awaitSent(changed.eventId(), 1);
        awaitMailsTo(luis.email(), 2);

        HttpResponse<String> answer = get(ana, "/api/notifications");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode mails = JsonMapper.builder().build().readTree(answer.body());
        assertThat(mails).hasSize(3);
        assertThat(mails.get(0).get("kind").asString()).isEqualTo("PASSWORD_CHANGED");
        assertThat(mails.get(0).has("preregistrationId")).isFalse();
        assertThat(mails.findValuesAsString("kind").subList(1, 3)).containsExactlyInAnyOrder("FMME_LINK",
                "QR_RECEIPT");
        for (JsonNode mail : mails) {
            assertThat(mail.get("to").asString()).isEqualTo(ana.email());
            assertThat(mail.get("status").asString()).isEqualTo("SENT");
            assertThat(mail.get("sentAt").asString()).isNotBlank();
            assertThat(mail.get("recordedAt").asString()).isNotBlank();
        }
        assertThat(mails.get(1).get("preregistrationId").asString()).isEqualTo(preregistrationId.toString());
        assertThat(get(luis, "/api/notifications").body()).doesNotContain(ana.email()).contains(luis.email());
        assertThat(get(null, "/api/notifications").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(TestTraveller traveller, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (traveller != null) {
            request.header("Authorization", traveller.bearer());
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

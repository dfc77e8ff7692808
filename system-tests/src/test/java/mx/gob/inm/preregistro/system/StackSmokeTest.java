package mx.gob.inm.preregistro.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.testing.MailText;
import mx.gob.inm.preregistro.testing.browser.Browser;

/**
 * The whole system, started by {@code ./preregistro up} exactly as a user starts it: ten components healthy, the
 * UI shell through the gateway in a real Chromium, Keycloak's realm, and an event crossing services through the
 * real broker exactly once, also when delivered twice.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackSmokeTest {

    /** preregistration-service's consumer of notifications.v1 (its Kafka group and its idempotency key). */
    private static final String DELIVERY_STATUS = "preregistration.delivery-status";

    private final LocalStack stack = RunningStack.stack();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    @DisplayName("./preregistro status lists all ten components healthy, with ports and resident memory under 6 GiB")
    void statusShowsEveryComponentHealthy() {
        LocalStack.Result status = stack.run("status", 60);

        assertThat(status.exitCode()).as(status.output()).isZero();
        for (String component : LocalStack.COMPONENTS) {
            assertThat(status.output()).containsPattern("(?m)^" + component + "\\s+\\d+\\s+healthy\\s+\\d+");
        }
        Matcher total = Pattern.compile("(?m)^total\\s+(\\d+)").matcher(status.output());
        assertThat(total.find()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).as("idle stack resident memory, MiB").isLessThan(6 * 1024);
    }

    @Test
    @Order(1)
    @DisplayName("the travellers' intake yields the processor to the delivery of approved forms: the gateway, identity-, document-, preregistration-service and Keycloak run at nice 5, the rest at 0")
    void intakeYieldsToDelivery() throws IOException {
        List<String> intake = List.of("gateway", "identity-service", "document-service", "preregistration-service",
                "keycloak");
        for (String component : LocalStack.COMPONENTS) {
            String nice = stack.stat(component).get(19 - 3);
            String expected = intake.contains(component) ? "5" : "0";
            assertThat(nice).as(component).isEqualTo(expected);
            // where the kernel shares the processor by session first, the session's own nice value is what counts
            Path autogroup = Path.of("/proc", stack.pid(component), "autogroup");
            if (Files.exists(autogroup)) {
                assertThat(Files.readString(autogroup)).as(component + " session").endsWith("nice " + expected + "\n");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("R-OPS-3 R-SEC every service answers /actuator/health UP and /actuator/prometheus on its own port; the gateway on its management port only, never on the public one")
    void everyServiceHealthyOnItsOwnPort() throws Exception {
        for (String port : List.of("IDENTITY_PORT", "DOCUMENT_PORT", "PREREGISTRATION_PORT", "FMME_PORT",
                "NOTIFICATION_PORT")) {
            HttpResponse<String> health = get(stack.url(port) + "/actuator/health");
            assertThat(health.body()).as(port).contains("\"status\":\"UP\"", "\"kafka\"", "\"mongo\"");
            assertThat(get(stack.url(port) + "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        }
        assertThat(get(stack.url("GATEWAY_MANAGEMENT_PORT") + "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get(stack.url("GATEWAY_MANAGEMENT_PORT") + "/actuator/prometheus").body())
                .contains("jvm_memory_used_bytes");
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/health/liveness")) {
            HttpResponse<String> hidden = get(stack.url("GATEWAY_PORT") + path);
            assertThat(hidden.statusCode()).as("public " + path).isEqualTo(404);
            assertThat(hidden.body()).as("public " + path).contains("\"code\":\"not_found\"");
        }
    }

    @Test
    @Order(3)
    @DisplayName("the gateway routes public API calls to the owning service with the correlation id, and answers 401 to the others without a session")
    void gatewayRoutesAndGuards() throws Exception {
        HttpResponse<String> captcha = get(stack.url("GATEWAY_PORT") + "/api/captcha");
        assertThat(captcha.statusCode()).as("identity-service through the gateway").isEqualTo(200);
        assertThat(captcha.body()).contains("\"image\":\"data:image/png;base64,");

        Map<String, Integer> answeredByTheService = Map.of(
                "/api/fmme/verify", 400,                       // fmme-service: public, the seal is required
                "/api/partners/v1/no-such", 401);              // preregistration-service: needs an airline's token
        for (var route : answeredByTheService.entrySet()) {
            String correlationId = "smoke-" + UUID.randomUUID();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(stack.url("GATEWAY_PORT") + route.getKey()))
                    .header("X-Correlation-Id", correlationId).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(route.getKey()).isEqualTo(route.getValue());
            assertThat(response.body()).as("answered by the service, which knows the correlation id")
                    .contains("\"correlationId\":\"" + correlationId + "\"");
            assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        }

        for (String path : List.of("/api/documents", "/api/preregistrations", "/api/accounts/me",
                "/api/notifications/x")) {
            HttpResponse<String> response = get(stack.url("GATEWAY_PORT") + path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).contains("\"code\":\"unauthenticated\"");
        }
    }

    @Test
    @Order(4)
    @DisplayName("Keycloak serves realm inm with the gateway's OIDC client")
    void keycloakRealm() throws Exception {
        HttpResponse<String> wellKnown = get(stack.url("KEYCLOAK_PORT") + "/realms/inm/.well-known/openid-configuration");

        assertThat(wellKnown.statusCode()).isEqualTo(200);
        assertThat(wellKnown.body()).contains("/realms/inm/protocol/openid-connect/auth", "S256");
    }

    @Test
    @Order(5)
    @DisplayName("R-ENT-1 the gateway serves the UI shell, which a real Chromium renders with the welcome modal and no accessibility violation")
    void uiShellThroughTheGateway() {
        try (Browser browser = Browser.start()) {
            browser.open("http://localhost:" + stack.port("GATEWAY_PORT") + "/");
            assertThat(browser.waitForVisible(By.id("bienvenida")).getText()).isNotBlank();
            browser.screenshot("system-ui-shell");
            browser.assertAccessible();
        }
    }

    @Test
    @Order(6)
    @DisplayName("R-NOT-3 an event delivered twice through the real broker is handled once: one e-mail, one NotificationSent through the outbox, which preregistration-service records once even when it too arrives twice")
    void exactlyOnceAcrossServices() throws Exception {
        String email = "viajera." + UUID.randomUUID() + "@example.co";
        EventEnvelope<AccountRegistered> registered = EventEnvelope.of(new AccountRegistered(
                UUID.randomUUID().toString(), email, "María", "Gómez", Language.es,
                "http://localhost:" + stack.port("GATEWAY_PORT") + "/#/cuenta/activar?token=t1",
                Instant.now().plus(Duration.ofHours(72))), null, null, Clock.systemUTC());
        String registeredJson = json.writeValueAsString(registered);

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.IDENTITY_ACCOUNTS, registered.key(), registeredJson)).get();
            producer.send(new ProducerRecord<>(Topics.IDENTITY_ACCOUNTS, registered.key(), registeredJson)).get();
        }

        String mailbox = stack.url("MAIL_API_PORT") + "/api/user/" + email + "/messages/";
        await().atMost(Duration.ofSeconds(60)).until(() -> mailCount(mailbox) >= 1);
        List<ConsumerRecord<String, String>> sent = notificationsSentFor(registered.eventId());
        assertThat(mailCount(mailbox)).as("e-mails for one event delivered twice").isEqualTo(1);
        assertThat(get(mailbox).body()).contains("alertas.sistemas@inami.gob.mx", "Activa tu cuenta");
        assertThat(sent).as("NotificationSent relayed by notification-service's outbox").hasSize(1);

        // preregistration-service records the e-mail in the delivery status of its related id, without an inbox
        // marker: a second delivery of the same event finds its own outcome recorded and changes nothing
        String sentEventId = json.readValue(sent.get(0).value(), EventEnvelope.class).eventId().toString();
        JsonNode payload = json.readTree(sent.get(0).value()).get("payload");
        String kind = payload.get("kind").asString();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.port("MONGODB_PORT"))) {
            MongoCollection<Document> statuses = mongo.getDatabase("preregistrations").getCollection("delivery_status");
            Bson related = Filters.eq("_id", payload.get("relatedId").asString());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Document status = statuses.find(related).first();
                return status != null && sentEventId.equals(status.get("eventId", Document.class).getString(kind));
            });
            Document recorded = statuses.find(related).first();

            RecordMetadata again;
            try (KafkaProducer<String, String> producer = producer()) {   // the broker delivers it again
                ConsumerRecord<String, String> record = sent.get(0);
                again = producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, record.key(), record.value())).get();
            }
            TopicPartition partition = new TopicPartition(again.topic(), again.partition());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> committedOffset(DELIVERY_STATUS, partition) > again.offset());
            assertThat(statuses.find(related).first())
                    .as("the second delivery left preregistration-service's delivery status as it was, updatedAt too")
                    .isEqualTo(recorded);
        }
    }

    @Test
    @Order(7)
    @DisplayName("R-ACC-5 R-ACC-6 R-ACC-8 R-ACC-9 a new traveller registers through the gateway, gets the 'Activar cuenta' e-mail, activates, signs in on Keycloak's login form and reads their account data")
    void registerActivateAndSignIn() throws Exception {
        TravellerSession ana = TravellerSession.registered(stack, "Ana María", "Viajera#2026");

        HttpResponse<String> me = ana.get("/api/accounts/me");   // the gateway relays the access token

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"" + ana.email + "\"", "\"givenNames\":\"Ana María\"",
                "\"nationality\":\"COL\"", "\"birthDate\":\"1990-04-12\"");
    }

    @Test
    @Order(8)
    @DisplayName("R-ACC-1 R-ACC-5 R-ACC-6 R-ACC-8 R-ACC-9 R-ACC-10 in Chromium: CREAR CUENTA, the e-mail's 'Activar cuenta' link, INGRESAR on Keycloak's page, the account menu's Información and Contraseña, Cerrar Sesión, INGRESAR with the new password")
    void createAccountInTheBrowser() {
        String gateway = "http://localhost:" + stack.port("GATEWAY_PORT");
        String email = "luis." + UUID.randomUUID().toString().substring(0, 8) + "@example.co";
        String password = "Pasaporte$2026";
        try (Browser browser = Browser.start()) {
            browser.open(gateway + "/#/cuenta/crear");
            BrowserSteps.closeWelcome(browser);
            BrowserSteps.keepCaptchaAnswers(browser);
            browser.waitForVisible(By.cssSelector("[data-captcha-refresh]")).click();
            String captcha = BrowserSteps.captchaAnswer(browser);

            type(browser, "givenNames", "Luis Fernando");
            type(browser, "firstSurname", "Ospina");
            new Select(browser.find(By.name("nationality"))).selectByValue("COL");
            browser.script("const input = arguments[0]; input.value = '1985-09-30';"
                    + " input.dispatchEvent(new Event('input', {bubbles: true}));"
                    + " input.dispatchEvent(new Event('change', {bubbles: true}));", browser.find(By.name("birthDate")));
            browser.script("arguments[0].click()", browser.find(By.cssSelector("input[name='sex'][value='M']")));
            type(browser, "email", email);
            type(browser, "emailConfirmation", email);
            type(browser, "password", password);
            type(browser, "passwordConfirmation", password);
            browser.script("arguments[0].click()", browser.find(By.name("privacyAccepted")));
            type(browser, "captchaAnswer", captcha);
            browser.find(By.cssSelector("#cuenta-form button[type='submit']")).click();

            assertThat(browser.waitForVisible(By.id("cuenta-exito")).getText())
                    .contains("Confirmación de registro de la cuenta");
            browser.screenshot("system-account-created");

            await().atMost(Duration.ofSeconds(60)).until(() -> !stack.mailsTo(email).isEmpty());
            Matcher link = Pattern.compile("(http\\S+cuenta/activar\\?token=[A-Za-z0-9_-]+)")
                    .matcher(MailText.plain(stack.mailsTo(email).get(0)));
            assertThat(link.find()).isTrue();
            browser.open(link.group(1));
            assertThat(browser.waitForVisible(By.cssSelector("#activacion-resultado h2")).getText())
                    .isEqualTo("Su cuenta ha sido activada");
            browser.assertAccessible();

            browser.find(By.cssSelector("#activacion-resultado a[href^='/oauth2/authorization/keycloak']")).click();
            BrowserSteps.signIn(browser, gateway, email, password);
            browser.open(gateway + "/api/session");
            assertThat(browser.pageText()).contains("\"authenticated\":true", email);

            // R-ACC-9 the account menu: the holder's name, Información, Cerrar Sesión with a confirmation
            // the main screen a signed-in traveller lands on (R-DOC-1); the landing redirect is over once it shows
            browser.open(gateway + "/#/principal");
            browser.waitForVisible(By.cssSelector("[data-testid='register-documents']"));
            assertThat(browser.waitForVisible(By.cssSelector(".account-name")).getText()).contains("Luis Fernando");
            browser.find(By.cssSelector("[data-action='toggle-account-menu']")).click();
            browser.waitForVisible(By.cssSelector("#menu-cuenta a[href='#/cuenta/informacion']")).click();
            assertThat(browser.waitForVisible(By.cssSelector("#informacion-cuenta dl")).getText())
                    .contains(email, "Luis Fernando Ospina", "Colombia (COL)", "1985-09-30");
            browser.screenshot("system-account-info");
            browser.assertAccessible();

            // R-ACC-9 Contraseña: current, new, confirmation and a captcha; CAMBIAR CONTRASEÑA
            String newPassword = "Frontera#2027";
            browser.find(By.cssSelector("[data-action='toggle-account-menu']")).click();
            browser.waitForVisible(By.cssSelector("[data-testid='menu-password']")).click();
            browser.waitForVisible(By.cssSelector("#contrasena-form [name='currentPassword']"));
            BrowserSteps.keepCaptchaAnswers(browser);
            browser.find(By.cssSelector("#contrasena-form [data-captcha-refresh]")).click();
            fill(browser, "contrasena-form", "currentPassword", password);
            fill(browser, "contrasena-form", "newPassword", newPassword);
            fill(browser, "contrasena-form", "newPasswordConfirmation", newPassword);
            fill(browser, "contrasena-form", "captchaAnswer", BrowserSteps.captchaAnswer(browser));
            browser.find(By.cssSelector("[data-testid='contrasena-submit']")).click();
            browser.waitForVisible(By.cssSelector("[data-testid='contrasena-done']"));
            browser.screenshot("system-password-changed");

            browser.find(By.cssSelector("[data-action='toggle-account-menu']")).click();
            browser.waitForVisible(By.cssSelector("[data-action='sign-out']")).click();
            browser.waitForVisible(By.cssSelector("#confirmar-salida button[type='submit']")).click();
            // back from Keycloak's end of session: the landing offers INGRESAR again (the page this started from
            // already had the portal's address, so the address alone does not say the sign-out is over)
            browser.waitForVisible(By.cssSelector(".entry-card a[href='/oauth2/authorization/keycloak']"));
            browser.open(gateway + "/api/session");
            assertThat(browser.pageText()).contains("\"authenticated\":false");

            // the new password is the one that signs in now
            browser.open(gateway + "/oauth2/authorization/keycloak");
            BrowserSteps.signIn(browser, gateway, email, newPassword);
            browser.open(gateway + "/api/session");
            assertThat(browser.pageText()).contains("\"authenticated\":true");
        }
    }

    private static void type(Browser browser, String name, String text) {
        fill(browser, "cuenta-form", name, text);
    }

    private static void fill(Browser browser, String form, String name, String text) {
        browser.find(By.cssSelector("#" + form + " [name='" + name + "']")).sendKeys(text);
    }

    private List<ConsumerRecord<String, String>> notificationsSentFor(UUID causeEventId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.port("KAFKA_PORT"),
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATIONS));
            long deadline = System.currentTimeMillis() + 30_000;
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope<?> envelope = json.readValue(record.value(), EventEnvelope.class);
                    if ("NotificationSent".equals(envelope.type()) && record.value().contains(causeEventId.toString())) {
                        found.add(record);
                        quietUntil = System.currentTimeMillis() + 3_000;   // then watch a little longer for a second one
                    }
                }
            }
        }
        return found;
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + stack.port("KAFKA_PORT")), new StringSerializer(), new StringSerializer());
    }

    /** The next offset {@code group} will read from {@code partition}: past a record once it has handled it. */
    private long committedOffset(String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + stack.port("KAFKA_PORT")))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private int mailCount(String mailbox) throws Exception {
        HttpResponse<String> response = get(mailbox);
        return response.statusCode() == 200 ? json.readTree(response.body()).size() : 0;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

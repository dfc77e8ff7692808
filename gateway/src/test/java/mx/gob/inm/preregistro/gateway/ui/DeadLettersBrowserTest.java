package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The operators' dead-letter page (R-OPS-4) in Chromium: offered in the account menu only when {@code /api/session}
 * names the realm role {@code operator}; list, inspection with the payload pretty-printed as escaped text, and
 * REPROCESAR with its confirmation and result. The API answers canned JSON installed before the SPA starts (so
 * {@code /api/session} is answered too); what the page sends is recorded and checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class DeadLettersBrowserTest extends UiBrowserTest {

    private static final String ID = "documents.v1-preregistration-dlt:0:5";
    private static final String ID_PATH = "/api/ops/dead-letters/documents.v1-preregistration-dlt%3A0%3A5";
    private static final String HOSTILE = "<img src=x onerror=\\\"window.__hacked=1\\\">";
    private static final String VALUE = "{\\\"eventId\\\":\\\"e-1\\\",\\\"type\\\":\\\"DocumentRegistered\\\","
            + "\\\"payload\\\":{\\\"note\\\":\\\"<script>window.__hacked=1</script>\\\"}}";
    private static final String LETTER = """
            {"id": "%s", "originalTopic": "documents.v1", "key": "k-1", "type": "DocumentRegistered", "eventId": "e-1",
             "error": "holder missing %s", "deadAt": "2026-11-25T07:00:00Z", "value": %s, "replayedAt": %s, "replayedBy": %s}
            """;
    private static final String OTHER = """
            {"id": "accounts.v1-notification-dlt:2:17", "originalTopic": "identity.accounts.v1", "key": "k-2",
             "type": "AccountRegistered", "error": "template missing", "deadAt": "2026-11-25T06:00:00Z",
             "replayedAt": "2026-11-25T06:30:00Z", "replayedBy": "operadora"}
            """;

    private String scriptId;

    private static String letter(String value, boolean replayed) {
        return LETTER.formatted(ID, HOSTILE, value == null ? "null" : "\"" + value + "\"",
                replayed ? "\"2026-11-25T08:00:00Z\"" : "null", replayed ? "\"operadora\"" : "null");
    }

    private static String session(String... roles) {
        return """
                {"status": 200, "body": {"authenticated": true, "name": "Olga Operadora", "email": "olga@example.com",
                 "roles": [%s]}}""".formatted(String.join(",", Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()));
    }

    /**
     * Installs canned answers ("METHOD path" → list of answers, the last one repeating) before any page script
     * runs, and records every request with its method, headers and body.
     */
    private void stubEveryPage(String answersJson) {
        String source = """
                (() => {
                  const answers = %s;
                  window.__requests = [];
                  window.fetch = async (url, init) => {
                    const method = (init && init.method) || 'GET';
                    window.__requests.push({url: String(url), method, headers: (init && init.headers) || {}, body: init && init.body});
                    const queue = answers[method + ' ' + url] || [];
                    const answer = queue.length > 1 ? queue.shift() : queue[0];
                    if (!answer) return new Response('', {status: 503});
                    return new Response(JSON.stringify(answer.body), {status: answer.status, headers: {
                      'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json'}});
                  };
                  localStorage.setItem('preregistro.welcomeSeen', 'true');
                })();""".formatted(answersJson);
        browser.open("about:blank");
        Map<String, Object> result = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", source));
        scriptId = (String) result.get("identifier");
    }

    @AfterEach
    void removeStub() {
        if (scriptId != null) {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", scriptId));
            scriptId = null;
        }
        browser.open(url("/")).clearStorage();
    }

    private long requests(String method, String url) {
        return browser.<Number>script("return window.__requests.filter(r => r.method === arguments[0] && r.url === arguments[1]).length;",
                method, url).longValue();
    }

    private WebElement byTestId(String id) {
        return browser.find(By.cssSelector("[data-testid='" + id + "']"));
    }

    private void openAccountMenu() {
        browser.waitForVisible(By.cssSelector("[data-action='toggle-account-menu']")).click();
        browser.waitForVisible(By.id("menu-cuenta"));
    }

    @Test
    @DisplayName("R-OPS-4 a traveller's account menu has no dead letters; the page itself answers the API's 403 with 'solo para operadores'")
    void notForTravellers() {
        stubEveryPage("""
                {"GET /api/session": [%s], "GET /api/documents": [{"status": 200, "body": []}],
                 "GET /api/ops/dead-letters": [{"status": 403, "body": {"title": "Prohibido", "status": 403, "code": "forbidden"}}]}
                """.formatted(session("traveller")));
        browser.open(url("/"));
        browser.waitUntil(d -> "#/principal".equals(browser.script("return location.hash;")));
        openAccountMenu();
        assertThat(browser.find(By.id("menu-cuenta")).getText()).contains("Información", "Ayuda")
                .doesNotContain("Mensajes no procesados");
        assertThat(browser.findAll(By.cssSelector("[data-testid='menu-dead-letters']"))).isEmpty();

        navigate("/operacion/mensajes-no-procesados");
        browser.waitUntil(d -> browser.find(By.cssSelector("#contenido .notice-error")).getText()
                .contains("Esta página es solo para operadores."));
        browser.assertAccessible();
    }

    @Test
    @DisplayName("R-OPS-4 an operator opens Mensajes no procesados from the menu: topic, service, time, error and key listed, the payload pretty-printed and escaped, REPROCESAR asks first and shows the result")
    void operatorListsInspectsAndReplays() {
        stubEveryPage("""
                {"GET /api/session": [%s], "GET /api/documents": [{"status": 200, "body": []}],
                 "GET /api/ops/dead-letters": [{"status": 200, "body": [%s, %s]}],
                 "GET %s": [{"status": 200, "body": %s}, {"status": 200, "body": %s}],
                 "POST %s/replay": [{"status": 202, "body": {"id": "%s", "replayedAt": "2026-11-25T08:00:00Z", "originalTopic": "documents.v1"}}]}
                """.formatted(session("traveller", "operator"), letter(null, false), OTHER, ID_PATH, letter(VALUE, false),
                letter(VALUE, true), ID_PATH, ID));
        browser.open(url("/"));
        browser.waitUntil(d -> "#/principal".equals(browser.script("return location.hash;")));
        openAccountMenu();
        WebElement menuLink = browser.find(By.cssSelector("[data-testid='menu-dead-letters']"));
        assertThat(menuLink.getText()).isEqualTo("Mensajes no procesados");
        menuLink.click();

        browser.waitForVisible(By.cssSelector("[data-testid='dead-letters-table']"));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Mensajes no procesados");
        List<WebElement> rows = browser.findAll(By.cssSelector("[data-testid='dead-letter-row']"));
        assertThat(rows).hasSize(2);
        assertThat(browser.find(By.cssSelector("[data-testid='dead-letters-table'] thead")).getText())
                .contains("Tema", "Servicio", "Fecha y hora", "Error", "Clave");
        String first = rows.get(0).getText();
        assertThat(first).contains("documents.v1", "preregistration-service", "k-1", "Pendiente",
                "holder missing <img src=x onerror=\"window.__hacked=1\">");
        assertThat(first).contains("25 de noviembre de 2026");
        assertThat(rows.get(1).getText()).contains("identity.accounts.v1", "notification-service", "k-2", "Reprocesado");
        assertThat(browser.findAll(By.cssSelector("#contenido img"))).as("the error is text, never markup").isEmpty();
        browser.assertAccessible();
        browser.screenshot("ops-4-dead-letters");

        rows.get(0).findElement(By.cssSelector("[data-testid='inspect-dead-letter']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='dead-letter-payload']"));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Mensaje no procesado");
        assertThat(byTestId("dead-letter-headers").getText()).contains(ID, "documents.v1", "preregistration-service",
                "k-1", "DocumentRegistered", "e-1", "Pendiente");
        String payload = browser.script("return document.querySelector(\"[data-testid='dead-letter-payload']\").textContent;");
        assertThat(payload).isEqualTo("""
                {
                  "eventId": "e-1",
                  "type": "DocumentRegistered",
                  "payload": {
                    "note": "<script>window.__hacked=1</script>"
                  }
                }""");
        assertThat(browser.findAll(By.cssSelector("#contenido script, #contenido img"))).isEmpty();
        browser.assertAccessible();

        byTestId("replay-dead-letter").click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog']"));
        assertThat(byTestId("dialog").getText()).contains("¿Reprocesar el mensaje " + ID + "?", "documents.v1");
        assertThat(byTestId("dialog-ok").getText()).isEqualTo("REPROCESAR");
        browser.assertAccessible();
        byTestId("dialog-cancel").click();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("[data-testid='dialog']")).isEmpty());
        assertThat(requests("POST", ID_PATH + "/replay")).as("cancelled: nothing sent").isZero();

        byTestId("replay-dead-letter").click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog-ok']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='replay-result']"));
        assertThat(byTestId("replay-result").getText()).startsWith("Mensaje reprocesado: se envió de nuevo al tema documents.v1");
        assertThat(requests("POST", ID_PATH + "/replay")).isEqualTo(1);
        assertThat(byTestId("dead-letter-headers").getText()).contains("Reprocesado el", "operadora");
        assertThat(browser.findAll(By.cssSelector("[data-testid='replay-dead-letter']"))).as("replayed once").isEmpty();
        assertThat(browser.<Object>script("return window.__hacked === undefined;")).isEqualTo(true);
        browser.assertAccessible();
        browser.screenshot("ops-4-dead-letter-replayed");
    }

    @Test
    @DisplayName("R-OPS-4 in English the page reads Dead letters and REPROCESS; a refused replay (409) is said, the button stays")
    void englishAndRefusedReplay() {
        stubEveryPage("""
                {"GET /api/session": [%s], "GET %s": [{"status": 200, "body": %s}],
                 "POST %s/replay": [{"status": 409, "body": {"title": "Ya se reprocesó", "status": 409, "code": "dead_letter_replayed"}}]}
                """.formatted(session("operator"), ID_PATH, letter("not json <b>", false), ID_PATH));
        browser.open(url("/#/operacion/mensajes-no-procesados/" + URLEncoder.encode(ID, StandardCharsets.UTF_8)));
        browser.waitForVisible(By.cssSelector("[data-testid='dead-letter-payload']"));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Mensaje no procesado");
        browser.find(By.cssSelector("[data-lang='en']")).click();
        browser.waitUntil(d -> "Dead letter".equals(browser.find(PAGE_TITLE).getText()));
        browser.waitForVisible(By.cssSelector("[data-testid='dead-letter-payload']"));
        assertThat(byTestId("dead-letter-headers").getText()).contains("Topic", "Service", "Key", "Pending");
        assertThat(byTestId("dead-letter-payload").getText()).as("not JSON: shown as it came").isEqualTo("not json <b>");
        assertThat(byTestId("replay-dead-letter").getText()).isEqualTo("REPROCESS");

        byTestId("replay-dead-letter").click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog-ok']")).click();
        browser.waitUntil(d -> browser.find(By.id("mensajes-aviso")).isDisplayed());
        assertThat(browser.find(By.id("mensajes-aviso")).getText())
                .isEqualTo("The message could not be reprocessed. Ya se reprocesó");
        assertThat(byTestId("replay-dead-letter").isDisplayed()).isTrue();
        browser.assertAccessible();
    }
}

package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shell as a signed-in traveller sees it, and a real page reload inside the wizard: the API is
 * answered by canned JSON installed before the SPA starts (Chromium DevTools: a script run on every new
 * document), so it survives reloads and answers `GET /api/session` too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class SignedInShellBrowserTest extends UiBrowserTest {

    private String scriptId;

    /** Installs canned answers ("METHOD path" → answer, the same every time) before any page script runs. */
    private void stubEveryPage(String answersJson) {
        String source = """
                (() => {
                  const answers = %s;
                  window.__requests = [];
                  window.fetch = async (url, init) => {
                    const method = (init && init.method) || 'GET';
                    window.__requests.push({url: String(url), method});
                    const answer = answers[method + ' ' + url];
                    if (!answer) return new Response('', {status: 503});
                    return new Response(JSON.stringify(answer.body), {status: answer.status, headers: {
                      'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json'}});
                  };
                  localStorage.setItem('preregistro.welcomeSeen', 'true');
                })();""".formatted(answersJson);
        browser.open("about:blank");
        Map<String, Object> result = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
        scriptId = (String) result.get("identifier");
    }

    @AfterEach
    void removeStub() {
        if (scriptId != null) {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", scriptId));
            scriptId = null;
        }
    }

    @Test
    @DisplayName("R-DOC-1 R-ACC-9 signed in, the portal opens on the main screen; the navigation offers Mis documentos and Historial de Registros, the account menu Contraseña")
    void signedInLanding() {
        stubEveryPage("""
                {"GET /api/session": {"status": 200, "body": {"authenticated": true, "name": "María José Pérez", "email": "maria@example.com"}},
                 "GET /api/documents": {"status": 200, "body": []}}
                """);
        browser.open(url("/"));
        browser.waitUntil(d -> "#/principal".equals(browser.script("return location.hash;")));
        browser.waitUntil(d -> "Pantalla principal".equals(browser.find(PAGE_TITLE).getText()));
        browser.waitForVisible(By.cssSelector("[data-testid='documents-empty']"));
        assertThat(browser.find(By.cssSelector(".mainnav")).getText()).contains("Mis documentos", "Historial de Registros", "Verificar FMME");
        browser.assertAccessible();
        browser.find(By.cssSelector("[data-action='toggle-account-menu']")).click();
        assertThat(browser.find(By.cssSelector("[data-testid='menu-password']")).getAttribute("href")).endsWith("#/cuenta/contrasena");
        assertThat(browser.find(By.id("menu-cuenta")).getText()).contains("Información", "Contraseña", "Ayuda", "Cerrar Sesión");
        browser.screenshot("doc-1-signed-in");

        // "Ir al inicio" stays on the home page, which then offers the main screen.
        browser.press(Keys.ESCAPE);
        browser.find(By.cssSelector("[data-testid='go-home']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='go-main']"));
        assertThat(browser.findAll(By.linkText("CREAR CUENTA"))).isEmpty();
    }

    @Test
    @DisplayName("R-ACC-8 a session that ended while the page was open (the gateway's 401 session_expired): the page says so with INGRESAR, and the header offers INGRESAR instead of the account menu")
    void sessionEndedWhileOpen() {
        stubEveryPage("""
                {"GET /api/session": {"status": 200, "body": {"authenticated": true, "name": "María José Pérez", "email": "maria@example.com"}},
                 "GET /api/documents": {"status": 401, "body": {"title": "Sesión terminada", "status": 401, "code": "session_expired",
                   "detail": "Su sesión terminó. Ingrese de nuevo para continuar."}}}
                """);
        browser.open(url("/"));
        browser.waitUntil(d -> "#/principal".equals(browser.script("return location.hash;")));
        browser.waitForVisible(By.cssSelector("[data-testid='not-signed-in']"));

        assertThat(browser.find(By.cssSelector("[data-testid='not-signed-in']")).getText())
                .contains("Su sesión terminó. Ingrese de nuevo para continuar.", "INGRESAR");
        browser.waitUntil(d -> browser.findAll(By.cssSelector("[data-action='toggle-account-menu']")).isEmpty());
        assertThat(browser.find(By.cssSelector(".signin-link")).getText()).isEqualTo("INGRESAR");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("R-PRE-3 reloading the browser inside the wizard resumes the server draft at its first unsaved step")
    void reloadResumesDraft() {
        stubEveryPage("""
                {"GET /api/preregistrations/p5": {"status": 200, "body": {"id": "p5", "documentId": "d1", "variant": "NO_NUE", "status": "DRAFT",
                   "travel": {"entryDate": "%s", "exitDate": "%s", "arrivalAirport": "MEX", "airline": "Avianca", "flightNumber": "AV1",
                     "originCountry": "COL", "originCity": "Bogotá", "purpose": "TOURISM"}}},
                 "GET /api/preregistrations/form": {"status": 200, "body": {"questions": [{"id": "deported", "es": "¿Ha sido deportado de México?"}]}}}
                """.formatted(LocalDate.now().plusDays(3), LocalDate.now().plusDays(20)));
        browser.open(url("/#/preregistro/registro/p5"));
        browser.waitUntil(d -> "Información Adicional".equals(browser.find(By.id("asistente-titulo")).getText()));
        browser.reload();
        browser.waitUntil(d -> "Información Adicional".equals(browser.find(By.id("asistente-titulo")).getText()));
        assertThat(browser.find(By.cssSelector("[aria-current='step']")).getText()).isEqualTo("Información Adicional");
        browser.find(By.cssSelector("[data-testid='wizard-previous']")).click();
        browser.waitUntil(d -> "Información del Viaje".equals(browser.find(By.id("asistente-titulo")).getText()));
        assertThat(browser.find(By.name("airline")).getAttribute("value")).isEqualTo("Avianca");
    }
}

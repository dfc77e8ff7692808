package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import mx.gob.inm.preregistro.testing.browser.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The web UI shell as a traveller meets it: the gateway serves the built SPA, a headless Chromium uses it.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebShellBrowserTest extends UiBrowserTest {

    private static final By WELCOME = By.id("bienvenida");
    private static final By WELCOME_CLOSE = By.cssSelector("#bienvenida .modal-close");
    private static final String PHONE = "00 52 800 00 46264";

    /** Every test starts as a first-time visitor on a desktop-sized screen, with nothing loaded. */
    @BeforeEach
    void firstTimeVisitor() {
        browser.resetViewport();
        browser.open(url("/")).clearStorage().open("about:blank");
    }


    /** A returning visitor: the welcome modal was closed with its X before. */
    private Browser showAsReturningVisitor(String route) {
        show(route);
        if (welcomeOpen()) {
            browser.find(WELCOME_CLOSE).click();
            browser.waitForHidden(WELCOME);
        }
        return browser;
    }

    private boolean welcomeOpen() {
        return browser.<Boolean>script("return document.getElementById('bienvenida').open;");
    }

    private boolean focusInsideWelcome() {
        return browser.<Boolean>script("return document.getElementById('bienvenida').contains(document.activeElement);");
    }

    private long scrollWidth() {
        return browser.<Number>script("return document.scrollingElement.scrollWidth;").longValue();
    }

    @Test
    @DisplayName("R-ENT-1 first visit shows what to have ready; the X closes it and it stays closed after reload")
    void welcomeModalOnFirstVisit() {
        show("/");
        WebElement modal = browser.waitForVisible(WELCOME);
        assertThat(modal.getText())
                .contains("Antes de iniciar con el registro de su cuenta")
                .contains("pasaporte")
                .contains("6 meses")
                .contains("menor de 18 años")
                .contains("alertas.sistemas@inami.gob.mx")
                .contains("Ayuda del Portal")
                .contains("Aviso de Privacidad Integral");
        assertThat(browser.find(WELCOME_CLOSE).getAttribute("aria-label")).isEqualTo("Cerrar");
        assertThat(focusInsideWelcome()).as("focus starts inside the modal").isTrue();
        browser.screenshot("ent-1-welcome-desktop");

        browser.find(WELCOME_CLOSE).click();
        browser.waitForHidden(WELCOME);

        browser.reload().waitForVisible(PAGE_TITLE);
        assertThat(welcomeOpen()).as("welcome modal after reload").isFalse();
        assertThat(browser.find(WELCOME).isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("R-ENT-1 the welcome modal keeps keyboard focus inside while open and also closes with Escape")
    void welcomeModalTrapsFocusAndClosesWithEscape() {
        show("/");
        browser.waitForVisible(WELCOME);
        for (int i = 0; i < 8; i++) {
            browser.press(Keys.TAB);
            assertThat(focusInsideWelcome()).as("focus after %d Tab(s)", i + 1).isTrue();
        }
        for (int i = 0; i < 4; i++) {
            browser.press(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertThat(focusInsideWelcome()).as("focus after %d Shift+Tab(s)", i + 1).isTrue();
        }

        browser.press(Keys.ESCAPE);
        browser.waitForHidden(WELCOME);

        browser.reload().waitForVisible(PAGE_TITLE);
        assertThat(welcomeOpen()).isFalse();
    }

    @Test
    @DisplayName("R-ENT-2 R-ENT-4 Ayuda del Portal: requirements, considerations, process infographic, manual, FAQ and contact phone")
    void helpPage() {
        showAsReturningVisitor("/");
        browser.find(By.cssSelector("a.mainnav-link[data-path='/ayuda']")).click();
        assertThat(browser.waitForVisible(PAGE_TITLE).getText()).isEqualTo("Ayuda del Portal");

        List<String> sections = browser.findAll(By.cssSelector(".page-section h2")).stream().map(WebElement::getText).toList();
        assertThat(sections).contains("Requerimientos técnicos", "Consideraciones antes de iniciar",
                "Infografía del proceso", "Manual de usuario", "Preguntas frecuentes (FAQ)", "Comentarios y/o Dudas");
        assertThat(browser.findAll(By.cssSelector("ol.process > li"))).hasSize(8);
        assertThat(browser.findAll(By.cssSelector("#manual details"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(browser.findAll(By.cssSelector("#preguntas details"))).hasSizeGreaterThanOrEqualTo(8);

        WebElement contact = browser.find(By.id("contacto"));
        assertThat(contact.getText()).contains(PHONE).contains("@INAMI_mx").contains("@InamiMX");
        assertThat(contact.findElement(By.cssSelector("a.phone")).getAttribute("href")).isEqualTo("tel:+528000046264");

        // A FAQ answer opens with the keyboard; the table of contents jumps to a section and focuses it.
        WebElement firstQuestion = browser.find(By.cssSelector("#preguntas details summary"));
        firstQuestion.sendKeys(Keys.ENTER);
        assertThat(browser.<Boolean>script("return document.querySelector('#preguntas details').open;")).isTrue();
        browser.find(By.cssSelector(".toc a[href='#/ayuda/proceso']")).click();
        browser.waitUntil(d -> "proceso-titulo".equals(browser.activeElement().getAttribute("id")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/ayuda/proceso");

        browser.screenshotFullPage("ent-2-help-desktop");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("R-ENT-3 Aviso de Privacidad Integral, linked at the bottom right: purposes of processing and ARCO rights")
    void privacyNotice() {
        showAsReturningVisitor("/");
        browser.find(By.cssSelector("#site-footer a[href='#/aviso-de-privacidad']")).click();
        assertThat(browser.waitForVisible(PAGE_TITLE).getText()).isEqualTo("Aviso de Privacidad Integral");

        String text = browser.find(By.id("contenido")).getText();
        assertThat(text).contains("Finalidades del tratamiento", "Derechos ARCO", "Acceso", "Rectificación",
                "Cancelación", "Oposición", "Cómo ejercer sus derechos ARCO", "Unidad de Transparencia");
        assertThat(browser.findAll(By.cssSelector("#finalidades li"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findAll(By.cssSelector("#derechos-arco dt"))).hasSize(4);

        browser.screenshotFullPage("ent-3-privacy-desktop");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("UI a page typed without its # (/ayuda) opens that page of the portal; an address the portal does not have shows 'Página no disponible' in the portal, not the API's JSON")
    void pageAtItsOwnAddress() {
        showAsReturningVisitor("/");
        browser.open(url("/ayuda"));
        assertThat(browser.waitForVisible(PAGE_TITLE).getText()).isEqualTo("Ayuda del Portal");
        assertThat(browser.<String>script("return location.hash;")).isEqualTo("#/ayuda");

        browser.open(url("/no-existe"));
        assertThat(browser.waitForVisible(PAGE_TITLE).getText()).isEqualTo("Página no disponible");
        assertThat(browser.find(By.id("contenido")).getText()).contains("Ir al inicio").doesNotContain("not_found");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("R-ACC-8 a sign-in the gateway could not complete lands on 'No fue posible ingresar', which says why and offers INGRESAR again")
    void signInFailed() {
        showAsReturningVisitor("/ingreso-fallido");
        assertThat(browser.waitForVisible(PAGE_TITLE).getText()).isEqualTo("No fue posible ingresar");

        assertThat(browser.find(By.cssSelector("[data-testid='sign-in-failed']")).getText())
                .contains("La página de ingreso expiró", "Intente de nuevo.");
        assertThat(browser.find(By.cssSelector("[data-testid='sign-in-failed'] a.button-primary")).getAttribute("href"))
                .endsWith("/oauth2/authorization/keycloak");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("UI home page offers the entry actions CREAR CUENTA and INGRESAR")
    void homeEntryActions() {
        showAsReturningVisitor("/");
        WebElement create = browser.find(By.linkText("CREAR CUENTA"));
        WebElement signIn = browser.find(By.linkText("INGRESAR"));
        assertThat(create.getAttribute("href")).endsWith("/#/cuenta/crear");
        assertThat(signIn.getAttribute("href")).endsWith("/oauth2/authorization/keycloak");
        browser.screenshotFullPage("home-desktop");

        // The welcome information can be read again on demand (R-ENT-1).
        browser.find(By.cssSelector("[data-action='open-welcome']")).click();
        browser.waitForVisible(WELCOME);
        browser.find(WELCOME_CLOSE).click();
        browser.waitForHidden(WELCOME);
    }

    @Test
    @DisplayName("UI language switch to English changes the texts and <html lang>, and is remembered")
    void languageSwitch() {
        showAsReturningVisitor("/");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Pre-Registro electrónico de viaje");

        browser.find(By.cssSelector("[data-lang='en']")).click();
        browser.waitUntil(d -> "en".equals(browser.find(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Electronic travel pre-registration");
        assertThat(browser.find(By.cssSelector(".mainnav")).getText()).contains("Portal Help", "Privacy Notice");
        assertThat(browser.find(By.cssSelector("[data-lang='en']")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.activeElement().getAttribute("data-lang")).as("focus stays on the switch").isEqualTo("en");
        assertThat(browser.findAll(By.linkText("CREATE ACCOUNT"))).hasSize(1);
        browser.screenshotFullPage("home-en-desktop");
        browser.assertAccessible();

        show("/ayuda");
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Portal Help");
        assertThat(browser.find(By.id("contacto")).getText()).contains("Comments and questions", PHONE);
        browser.assertAccessible();

        browser.reload().waitForVisible(PAGE_TITLE);
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).as("after reload").isEqualTo("en");

        browser.find(By.cssSelector("[data-lang='es']")).click();
        browser.waitUntil(d -> "es".equals(browser.find(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Ayuda del Portal");
    }

    @Test
    @DisplayName("UI at 360 px wide every page fits without horizontal scrolling")
    void smallScreen() {
        browser.setViewport(360, 740);
        show("/");
        browser.waitForVisible(WELCOME);
        assertThat(scrollWidth()).as("home with the welcome modal").isLessThanOrEqualTo(360);
        browser.screenshot("ent-1-welcome-360");
        browser.find(WELCOME_CLOSE).click();
        browser.waitForHidden(WELCOME);

        for (String route : List.of("/", "/ayuda", "/aviso-de-privacidad", "/cuenta/crear")) {
            show(route);
            browser.script("document.querySelectorAll('details').forEach((d) => { d.open = true; });");
            assertThat(scrollWidth()).as("scroll width of %s", route).isLessThanOrEqualTo(360);
            String name = route.equals("/") ? "home" : route.substring(1).replace('/', '-');
            browser.screenshot(name + "-360");
            browser.screenshotFullPage(name + "-360-full");
        }
        browser.find(By.cssSelector("[data-lang='en']")).click();
        for (String route : List.of("/", "/ayuda", "/aviso-de-privacidad")) {
            show(route);
            assertThat(scrollWidth()).as("scroll width of %s in English", route).isLessThanOrEqualTo(360);
        }
    }

    @Test
    @DisplayName("UI keyboard only: Tab reaches the skip link first, it jumps to the content, the language switch works with Enter")
    void keyboardOnly() {
        showAsReturningVisitor("/ayuda");
        browser.reload().waitForVisible(PAGE_TITLE);

        browser.press(Keys.TAB);
        WebElement skip = browser.activeElement();
        assertThat(skip.getAttribute("outerHTML")).startsWith("<a id=\"skip-link\"");
        assertThat(skip.getText()).isEqualTo("Saltar al contenido principal");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getRect().getY()).as("skip link visible on screen when focused").isGreaterThanOrEqualTo(0);
        browser.screenshot("keyboard-skip-link");

        browser.press(Keys.ENTER);
        assertThat(browser.activeElement().getAttribute("id")).isEqualTo("contenido");
        assertThat(browser.driver().getCurrentUrl()).as("the skip link is not a route").endsWith("#/ayuda");
        browser.press(Keys.TAB);
        assertThat(browser.find(By.id("contenido")).findElements(By.xpath(".//*")))
                .as("next Tab stays in the main content").contains(browser.activeElement());

        browser.reload().waitForVisible(PAGE_TITLE);
        for (int i = 0; i < 10 && !"en".equals(browser.activeElement().getAttribute("data-lang")); i++) {
            browser.press(Keys.TAB);
        }
        assertThat(browser.activeElement().getAttribute("data-lang")).isEqualTo("en");
        browser.screenshot("keyboard-language-focus");
        browser.press(Keys.ENTER);
        browser.waitUntil(d -> "en".equals(browser.find(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    @DisplayName("UI every page passes axe-core WCAG 2 A/AA checks, with the welcome modal open too, at desktop and 360 px")
    void accessibility() {
        show("/");
        browser.waitForVisible(WELCOME);
        browser.assertAccessible();
        browser.find(WELCOME_CLOSE).click();
        browser.waitForHidden(WELCOME);

        for (int width : new int[] {1280, 360}) {
            browser.setViewport(width, width == 360 ? 740 : 900);
            for (String route : List.of("/", "/ayuda", "/aviso-de-privacidad", "/cuenta/crear")) {
                show(route);
                browser.script("document.querySelectorAll('details').forEach((d) => { d.open = true; });");
                browser.assertAccessible();
            }
        }
    }
}

package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import mx.gob.inm.preregistro.testing.browser.Browser;

/**
 * The account screens of the SPA (CREAR CUENTA, activation landing) in a headless Chromium, with no
 * backend: identity-service points at a closed port, so only what needs no API is tested here, plus
 * how the pages behave when the API cannot be reached. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class AccountPagesBrowserTest extends UiBrowserTest {

    private static final String CREATE = "/cuenta/crear";
    private static final String ACTIVATE = "/cuenta/activar";
    private static final List<String> REQUIRED = List.of("givenNames", "firstSurname", "nationality", "birthDate",
            "sex", "email", "emailConfirmation", "password", "passwordConfirmation", "captchaAnswer", "privacyAccepted");

    /** A returning visitor (the welcome modal was seen) on a desktop-sized screen. */
    @BeforeEach
    void returningVisitor() {
        browser.resetViewport();
        browser.open(url("/")).clearStorage();
        browser.script("localStorage.setItem('preregistro.welcomeSeen', 'true');");
        browser.open("about:blank");
    }


    private WebElement input(String name) {
        return browser.find(By.cssSelector("#cuenta-form [name='" + name + "']"));
    }

    private WebElement field(String name) {
        return browser.find(By.cssSelector("#cuenta-form [data-field='" + name + "']"));
    }

    private String errorOf(String name) {
        return field(name).findElement(By.cssSelector(".field-error")).getText();
    }

    private String ruleState(String rule) {
        return browser.find(By.cssSelector("[data-rule='" + rule + "']")).getAttribute("data-state");
    }

    private void typeAndLeave(String name, String text) {
        WebElement element = input(name);
        element.clear();
        element.sendKeys(text);
        element.sendKeys(Keys.TAB);
    }

    /** Date inputs are typed differently per locale: set the value as the picker would, then leave the field. */
    private void setDateAndLeave(String name, LocalDate date) {
        WebElement element = input(name);
        browser.script("arguments[0].focus(); arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, date.toString());
        // Tab moves between the day, month and year parts of a date input: leave it by clicking elsewhere.
        browser.find(PAGE_TITLE).click();
    }

    /** A 1×1 PNG, as the captcha endpoint's data URL. */
    private static final String PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private void waitForCaptchaError() {
        browser.waitForVisible(By.cssSelector("[data-captcha-error] [data-captcha-retry]"));
    }

    private long scrollWidth() {
        return browser.<Number>script("return document.scrollingElement.scrollWidth;").longValue();
    }

    @Test
    @DisplayName("R-ACC-1 R-ACC-4 CREAR CUENTA shows the manual's fields in order, required ones with a red * and 'obligatorio', and the warning before saving")
    void requiredMarkers() {
        assertThat(show(CREATE).find(PAGE_TITLE).getText()).isEqualTo("Crear cuenta");
        List<String> labels = browser.findAll(By.cssSelector("#cuenta-form .field > label, #cuenta-form .field-group > legend"))
                .stream().map(label -> label.getText().split("\n")[0].trim()).toList();
        assertThat(labels).containsSubsequence("Nombre(s)*", "Primer apellido*", "Segundo apellido", "Nacionalidad*",
                "Fecha de nacimiento*", "Sexo*", "Correo electrónico*", "Confirmar correo electrónico*", "Contraseña*",
                "Confirmar contraseña*", "Código Captcha*");
        for (String name : REQUIRED) {
            WebElement marker = field(name).findElement(By.cssSelector(".required"));
            assertThat(marker.getText()).as("marker of %s", name).isEqualTo("*");
            assertThat(marker.getCssValue("color")).as("red marker of %s", name).isEqualTo("rgba(179, 38, 30, 1)");
            assertThat(field(name).findElement(By.cssSelector(".required + .visually-hidden")).getAttribute("textContent"))
                    .contains("obligatorio");
        }
        assertThat(field("secondSurname").findElements(By.cssSelector(".required"))).isEmpty();

        List<WebElement> options = browser.findAll(By.cssSelector("#cuenta-nationality option"));
        assertThat(options.get(1).getAttribute("value")).isEqualTo("COL");
        assertThat(options.get(1).getText()).isEqualTo("Colombia");
        assertThat(options).extracting(o -> o.getAttribute("value")).contains("MEX", "ESP", "USA", "VEN", "PER");
        assertThat(browser.findAll(By.cssSelector("input[name='sex']"))).extracting(o -> o.getAttribute("value"))
                .containsExactly("F", "M", "X");
        assertThat(field("sex").getText()).contains("Mujer", "Hombre", "No binario");
        assertThat(field("privacyAccepted").findElement(By.tagName("a")).getAttribute("href")).endsWith("#/aviso-de-privacidad");
        assertThat(browser.find(By.id("cuenta-warning")).getText()).contains("UNA VEZ GUARDADOS NO SE PODRÁN MODIFICAR")
                .contains("nombre, fecha de nacimiento y nacionalidad");
        assertThat(browser.find(By.cssSelector("#cuenta-form button[type='submit']")).getText()).isEqualTo("CREAR CUENTA");

        // The home page's CREAR CUENTA leads here.
        show("/");
        browser.find(By.linkText("CREAR CUENTA")).click();
        browser.waitUntil(d -> "Crear cuenta".equals(browser.find(PAGE_TITLE).getText()));
        browser.screenshotFullPage("acc-1-create-account-desktop");
    }

    @Test
    @DisplayName("R-ACC-3 the password checklist follows each keystroke: length, digit, upper, lower, special, and . ñ Ñ flagged")
    void passwordChecklist() {
        show(CREATE);
        List<String> rules = List.of("length", "digit", "upper", "lower", "special", "allowed");
        rules.forEach(rule -> assertThat(ruleState(rule)).as("%s before typing", rule).isEmpty());

        WebElement password = input("password");
        password.sendKeys("abc");
        assertThat(ruleState("lower")).isEqualTo("met");
        assertThat(ruleState("upper")).isEqualTo("unmet");
        assertThat(ruleState("digit")).isEqualTo("unmet");
        assertThat(ruleState("special")).isEqualTo("unmet");
        assertThat(ruleState("length")).isEqualTo("unmet");
        assertThat(ruleState("allowed")).isEqualTo("met");

        password.sendKeys("DEF12");
        assertThat(ruleState("upper")).isEqualTo("met");
        assertThat(ruleState("digit")).isEqualTo("met");
        assertThat(ruleState("length")).isEqualTo("met");
        assertThat(ruleState("special")).isEqualTo("unmet");
        password.sendKeys("#");
        rules.forEach(rule -> assertThat(ruleState(rule)).as("%s for abcDEF12#", rule).isEqualTo("met"));
        assertThat(browser.find(By.cssSelector("[data-rule='special'] .rule-status")).getAttribute("textContent"))
                .contains("cumple");

        password.sendKeys("ñ");
        assertThat(ruleState("allowed")).as("ñ").isEqualTo("unmet");
        password.sendKeys(Keys.BACK_SPACE, "Ñ");
        assertThat(ruleState("allowed")).as("Ñ").isEqualTo("unmet");
        password.sendKeys(Keys.BACK_SPACE, ".");
        assertThat(ruleState("allowed")).as(".").isEqualTo("unmet");
        assertThat(browser.find(By.cssSelector("[data-rule='allowed'] .rule-status")).getAttribute("textContent"))
                .contains("no cumple");
        browser.screenshot("acc-3-password-rules");
        password.sendKeys(Keys.TAB);
        assertThat(field("password").getAttribute("class")).contains("is-invalid");
        assertThat(errorOf("password")).contains("no cumple");

        password.sendKeys(Keys.BACK_SPACE);
        rules.forEach(rule -> assertThat(ruleState(rule)).as("%s after removing the dot", rule).isEqualTo("met"));

        // The show/hide toggle reveals the password and says so.
        WebElement toggle = field("password").findElement(By.cssSelector("[data-toggle-password]"));
        assertThat(toggle.getAttribute("aria-label")).contains("Mostrar");
        toggle.click();
        assertThat(password.getAttribute("type")).isEqualTo("text");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        toggle.click();
        assertThat(password.getAttribute("type")).isEqualTo("password");
    }

    @Test
    @DisplayName("R-ACC-2 a birth date under 18 years shows its error on blur; 18 years ago today is accepted (green); over 130 years ago is refused, as the server refuses it")
    void underAgeBirthDate() {
        show(CREATE);
        setDateAndLeave("birthDate", LocalDate.now().minusYears(18).plusDays(1));
        assertThat(field("birthDate").getAttribute("class")).contains("is-invalid");
        assertThat(input("birthDate").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input("birthDate").getAttribute("aria-describedby")).contains("cuenta-birthDate-error");
        assertThat(errorOf("birthDate")).isEqualTo("La cuenta NO podrá ser creada por una persona menor de 18 años.");
        browser.screenshot("acc-2-under-age");

        setDateAndLeave("birthDate", LocalDate.now().minusYears(18));
        assertThat(field("birthDate").getAttribute("class")).contains("is-valid").doesNotContain("is-invalid");
        assertThat(input("birthDate").getAttribute("aria-invalid")).isNull();
        assertThat(browser.find(By.id("cuenta-birthDate-error")).isDisplayed()).isFalse();

        LocalDate earliest = LocalDate.now().minusYears(130);
        assertThat(input("birthDate").getAttribute("min")).isEqualTo(earliest.toString());
        setDateAndLeave("birthDate", earliest.minusDays(1));
        assertThat(errorOf("birthDate")).isEqualTo("Capture una fecha de nacimiento válida.");
        setDateAndLeave("birthDate", earliest);
        assertThat(field("birthDate").getAttribute("class")).contains("is-valid").doesNotContain("is-invalid");
    }

    @Test
    @DisplayName("R-ACC-1 mismatched e-mail and password confirmations turn red with their message; matching ones turn green")
    void mismatchedConfirmations() {
        show(CREATE);
        typeAndLeave("givenNames", "María José");
        assertThat(field("givenNames").getAttribute("class")).contains("is-valid");

        typeAndLeave("email", "viajera@example.com");
        typeAndLeave("emailConfirmation", "viajero@example.com");
        assertThat(field("email").getAttribute("class")).contains("is-valid");
        assertThat(field("emailConfirmation").getAttribute("class")).contains("is-invalid");
        assertThat(errorOf("emailConfirmation")).isEqualTo("Los correos electrónicos no coinciden.");

        typeAndLeave("password", "Viaje2026!");
        typeAndLeave("passwordConfirmation", "Viaje2026*");
        assertThat(field("password").getAttribute("class")).contains("is-valid");
        assertThat(errorOf("passwordConfirmation")).isEqualTo("Las contraseñas no coinciden.");
        browser.screenshotFullPage("acc-1-mismatch");

        // Fixing the original re-checks the confirmation.
        typeAndLeave("email", "viajero@example.com");
        assertThat(field("emailConfirmation").getAttribute("class")).contains("is-valid");
        typeAndLeave("passwordConfirmation", "Viaje2026!");
        assertThat(field("passwordConfirmation").getAttribute("class")).contains("is-valid");

        typeAndLeave("email", "no-es-correo");
        assertThat(errorOf("email")).contains("correo electrónico válido");
    }

    @Test
    @DisplayName("R-ACC-1 submitting the empty form marks every required field red and focuses the first one")
    void emptySubmit() {
        show(CREATE);
        browser.find(By.cssSelector("#cuenta-form button[type='submit']")).click();
        browser.waitUntil(d -> "cuenta-givenNames".equals(browser.activeElement().getAttribute("id")));
        for (String name : REQUIRED) {
            assertThat(field(name).getAttribute("class")).as("field %s", name).contains("is-invalid");
            assertThat(field(name).findElement(By.cssSelector(".field-error")).isDisplayed()).as("message of %s", name).isTrue();
        }
        assertThat(browser.findAll(By.cssSelector("#cuenta-form [aria-invalid='true']")))
                .as("controls marked aria-invalid").hasSizeGreaterThanOrEqualTo(REQUIRED.size());
        assertThat(field("secondSurname").getAttribute("class")).doesNotContain("is-invalid");
        assertThat(errorOf("givenNames")).isEqualTo("Este campo es obligatorio.");
        assertThat(errorOf("privacyAccepted")).contains("Aviso de Privacidad Integral");
        assertThat(browser.find(By.id("cuenta-alert")).getText()).isEqualTo("Revise los campos marcados en rojo.");
        browser.screenshotFullPage("acc-1-empty-submit-desktop");
        browser.assertAccessible();

        // Correcting a field clears its error as it is typed.
        input("givenNames").sendKeys("Ana");
        assertThat(field("givenNames").getAttribute("class")).contains("is-valid");
    }

    @Test
    @DisplayName("R-ACC-10 without the captcha service the widget shows a readable message and a retry button; the page keeps working")
    void captchaUnavailable() {
        show(CREATE);
        waitForCaptchaError();
        WebElement error = browser.find(By.cssSelector("[data-captcha-error]"));
        assertThat(error.getText()).contains("No fue posible cargar el código captcha");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.find(By.cssSelector("[data-captcha-refresh]")).getAttribute("aria-label"))
                .isEqualTo("Generar un nuevo código captcha");
        browser.screenshot("acc-10-captcha-unavailable");

        error.findElement(By.cssSelector("[data-captcha-retry]")).click();
        waitForCaptchaError();
        browser.find(By.cssSelector("[data-captcha-refresh]")).click();
        waitForCaptchaError();
        typeAndLeave("givenNames", "Ana");
        assertThat(field("givenNames").getAttribute("class")).contains("is-valid");
    }

    @Test
    @DisplayName("R-ACC-6 the activation page without a token says the link is not valid and offers Recuperar cuenta")
    void activationWithoutToken() {
        show(ACTIVATE);
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Activar cuenta");
        WebElement result = browser.find(By.id("activacion-resultado"));
        assertThat(result.getText()).contains("El enlace de activación no es válido");
        assertThat(result.findElement(By.linkText("Recuperar cuenta")).getAttribute("href")).endsWith("#/cuenta/recuperar");
        browser.screenshot("acc-6-activation-invalid");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("R-ACC-6 the activation page with a token but no service says so and offers a retry, never a blank page")
    void activationServiceUnavailable() {
        show(ACTIVATE + "?token=abc123");
        WebElement retry = browser.waitForVisible(By.cssSelector("[data-action='retry-activation']"));
        assertThat(browser.find(By.id("activacion-resultado")).getText()).contains("No fue posible activar su cuenta");
        browser.screenshot("acc-6-activation-error");
        retry.click();
        browser.waitForVisible(By.cssSelector("[data-action='retry-activation']"));
    }

    @Test
    @DisplayName("R-ACC-1 R-ACC-5 R-ACC-10 the server's field errors land on their fields with a new captcha; 201 shows the confirmation and clears the form")
    void serverAnswers() {
        show("/");
        browser.script("document.cookie = 'XSRF-TOKEN=token-123; path=/';");
        stubApi("""
                {"GET /api/captcha": [{"status": 200, "body": {"id": "c1", "image": "%s"}},
                                      {"status": 200, "body": {"id": "c2", "image": "%s"}}],
                 "POST /api/accounts": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "email", "code": "email_taken", "message": "Ya existe una cuenta con este correo electrónico."},
                     {"field": "captchaAnswer", "code": "captcha_invalid", "message": "El código captcha no es correcto."}]}},
                   {"status": 201, "body": {"status": "PENDING_ACTIVATION"}}]}
                """.formatted(PNG, PNG));
        navigate(CREATE);
        browser.waitForVisible(By.cssSelector("#cuenta-captcha img.captcha-img"));
        assertThat(browser.find(By.cssSelector("#cuenta-captcha img")).getAttribute("alt")).isNotBlank();

        typeAndLeave("givenNames", "María José");
        typeAndLeave("firstSurname", "Pérez");
        new Select(input("nationality")).selectByValue("COL");
        setDateAndLeave("birthDate", LocalDate.of(1990, 5, 17));
        browser.find(By.cssSelector("input[name='sex'][value='F']")).click();
        typeAndLeave("email", "maria@example.com");
        typeAndLeave("emailConfirmation", "maria@example.com");
        typeAndLeave("password", "Viaje2026!");
        typeAndLeave("passwordConfirmation", "Viaje2026!");
        typeAndLeave("captchaAnswer", "ABCD");
        browser.find(By.id("cuenta-privacyAccepted")).click();
        browser.find(By.cssSelector("#cuenta-form button[type='submit']")).click();

        browser.waitUntil(d -> field("email").getAttribute("class").contains("is-invalid"));
        assertThat(errorOf("email")).isEqualTo("Ya existe una cuenta con este correo electrónico.");
        assertThat(errorOf("captchaAnswer")).isEqualTo("El código captcha no es correcto.");
        assertThat(browser.activeElement().getAttribute("id")).isEqualTo("cuenta-email");
        browser.waitUntil(d -> requestCount("GET", "/api/captcha") == 2);
        assertThat(input("captchaAnswer").getAttribute("value")).as("answer cleared for the new captcha").isEmpty();
        Map<String, Object> sent = browser.script("return window.__requests.find(r => r.method === 'POST');");
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) sent.get("headers");
        assertThat(headers).containsEntry("X-XSRF-TOKEN", "token-123").containsEntry("Accept-Language", "es");
        assertThat((String) sent.get("body")).contains("\"givenNames\":\"María José\"", "\"nationality\":\"COL\"",
                "\"birthDate\":\"1990-05-17\"", "\"sex\":\"F\"", "\"privacyAccepted\":true", "\"captchaId\":\"c1\"",
                "\"captchaAnswer\":\"ABCD\"", "\"language\":\"es\"").doesNotContain("secondSurname");
        browser.screenshotFullPage("acc-1-server-errors");

        typeAndLeave("email", "maria.jose@example.com");
        typeAndLeave("emailConfirmation", "maria.jose@example.com");
        typeAndLeave("captchaAnswer", "WXYZ");
        browser.find(By.cssSelector("#cuenta-form button[type='submit']")).click();

        WebElement notice = browser.waitForVisible(By.id("cuenta-exito"));
        assertThat(notice.getText()).contains("alertas.sistemas@inami.gob.mx", "Activar cuenta", "72 horas");
        assertThat(browser.activeElement().getTagName()).isEqualTo("h2");
        assertThat(browser.find(By.id("cuenta-form")).isDisplayed()).isFalse();
        assertThat(input("givenNames").getAttribute("value")).as("form cleared").isEmpty();
        assertThat(input("password").getAttribute("value")).isEmpty();
        browser.screenshot("acc-5-account-created");
        browser.assertAccessible();
    }

    @Test
    @DisplayName("R-ACC-6 the activation page calls the API once and shows activated (INGRESAR), expired (Recuperar cuenta) or already used")
    void activationAnswers() {
        show("/");
        stubApi("""
                {"POST /api/accounts/activation": [
                  {"status": 200, "body": {"status": "ACTIVE"}},
                  {"status": 410, "body": {"title": "Expirado", "status": 410, "errors": [{"field": "token", "code": "activation_expired", "message": "x"}]}},
                  {"status": 409, "body": {"title": "Usado", "status": 409, "errors": [{"field": "token", "code": "activation_used", "message": "x"}]}}]}
                """);
        navigate(ACTIVATE + "?token=t1");
        browser.waitUntil(d -> browser.find(By.id("activacion-resultado")).getText().contains("Su cuenta ha sido activada"));
        assertThat(browser.find(By.linkText("INGRESAR")).getAttribute("href")).endsWith("/oauth2/authorization/keycloak");
        assertThat((String) browser.script("return window.__requests[0].body;")).isEqualTo("{\"token\":\"t1\"}");
        browser.screenshot("acc-6-activated");
        browser.assertAccessible();

        // Switching the language re-renders the page without activating again.
        browser.find(By.cssSelector("[data-lang='en']")).click();
        browser.waitUntil(d -> browser.find(By.id("activacion-resultado")).getText().contains("Your account has been activated"));
        assertThat(requestCount("POST", "/api/accounts/activation")).isEqualTo(1);
        browser.find(By.cssSelector("[data-lang='es']")).click();

        navigate(ACTIVATE + "?token=t2");
        browser.waitUntil(d -> browser.find(By.id("activacion-resultado")).getText().contains("El enlace de activación ha expirado"));
        assertThat(browser.find(By.id("activacion-resultado")).getText()).contains("72 horas");
        assertThat(browser.find(By.linkText("Recuperar cuenta")).getAttribute("href")).endsWith("#/cuenta/recuperar");
        browser.screenshot("acc-6-expired");
        browser.assertAccessible();

        navigate(ACTIVATE + "?token=t3");
        browser.waitUntil(d -> browser.find(By.id("activacion-resultado")).getText().contains("Este enlace ya fue utilizado"));
        assertThat(requestCount("POST", "/api/accounts/activation")).isEqualTo(3);
    }

    @Test
    @DisplayName("R-ACC-6 a rate-limited activation (429) says how long to wait, not that the service is down")
    void activationRateLimited() {
        show("/");
        stubApi("""
                {"POST /api/accounts/activation": [{"status": 429, "headers": {"Retry-After": "12"},
                  "body": {"title": "Demasiadas solicitudes", "status": 429, "code": "RATE_LIMITED"}}]}
                """);
        navigate(ACTIVATE + "?token=limited");
        browser.waitUntil(d -> browser.find(By.id("activacion-resultado")).getText()
                .contains("Demasiadas solicitudes. Espere 12 segundos e intente de nuevo."));
        browser.waitForVisible(By.cssSelector("[data-action='retry-activation']"));
    }

    @Test
    @DisplayName("R-ACC-1 R-ACC-6 the account pages pass axe-core WCAG 2 A/AA and fit 360 px without horizontal scrolling")
    void accessibilityAndSmallScreen() {
        for (int width : new int[] {1280, 360}) {
            browser.setViewport(width, width == 360 ? 740 : 900);
            show(CREATE);
            waitForCaptchaError();
            browser.assertAccessible();
            assertThat(scrollWidth()).as("create account at %d px", width).isLessThanOrEqualTo(width);
            browser.find(By.cssSelector("#cuenta-form button[type='submit']")).click();
            input("password").sendKeys("abcñ");
            browser.assertAccessible();
            assertThat(scrollWidth()).as("create account with errors at %d px", width).isLessThanOrEqualTo(width);
            browser.screenshotFullPage("acc-1-create-account-errors-" + width);
            browser.script("document.getElementById('cuenta-password').scrollIntoView({block: 'start'});");
            browser.screenshot("acc-3-password-rules-" + width);
            browser.script("document.getElementById('cuenta-captcha').scrollIntoView({block: 'start'});");
            browser.screenshot("acc-10-captcha-" + width);

            show(ACTIVATE);
            browser.assertAccessible();
            show(ACTIVATE + "?token=x");
            browser.waitForVisible(By.cssSelector("[data-action='retry-activation']"));
            browser.assertAccessible();
            assertThat(scrollWidth()).as("activation at %d px", width).isLessThanOrEqualTo(width);
            browser.screenshot("acc-6-activation-" + width);
        }

        browser.find(By.cssSelector("[data-lang='en']")).click();
        show(CREATE);
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Create account");
        browser.assertAccessible();
        browser.screenshotFullPage("acc-1-create-account-en-360");
    }
}

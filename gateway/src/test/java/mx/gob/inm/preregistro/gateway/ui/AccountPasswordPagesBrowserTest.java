package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Recuperar cuenta, the password-reset landing, Contraseña and Información's ARCO rights (R-ACC-7, R-ACC-9, R-ENT-5)
 * in Chromium, with the identity API answered by canned JSON and problem+json; what the pages send is checked too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class AccountPasswordPagesBrowserTest extends UiBrowserTest {

    private static final String PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    @BeforeEach
    void returningVisitor() {
        browser.resetViewport();
        browser.open(url("/")).clearStorage();
        browser.script("localStorage.setItem('preregistro.welcomeSeen', 'true');");
        browser.open("about:blank");
    }

    private WebElement byTestId(String id) {
        return browser.find(By.cssSelector("[data-testid='" + id + "']"));
    }

    private WebElement field(String form, String name) {
        return browser.find(By.cssSelector("#" + form + "-form [data-field='" + name + "']"));
    }

    private void type(String form, String name, String text) {
        WebElement input = browser.find(By.cssSelector("#" + form + "-form [name='" + name + "']"));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    @DisplayName("R-ACC-7 Recuperar cuenta asks e-mail, type and captcha, shows the server's field errors and the same answer for any e-mail")
    void recovery() {
        show("/");
        stubApi("""
                {"GET /api/captcha": [{"status": 200, "body": {"id": "c1", "image": "%s"}}],
                 "POST /api/accounts/recovery": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "captchaAnswer", "code": "captcha_invalid", "message": "El código captcha no es correcto."}]}},
                   {"status": 202, "body": {}}]}
                """.formatted(PNG));
        navigate("/cuenta/recuperar");
        browser.waitUntil(d -> "Recuperar cuenta".equals(browser.find(PAGE_TITLE).getText()));
        assertThat(field("recuperacion", "type").getText()).contains("Recuperar contraseña", "Enviar enlace de activación",
                "NO está activa");
        byTestId("recuperacion-submit").click();
        assertThat(field("recuperacion", "email").getAttribute("class")).contains("is-invalid");
        assertThat(field("recuperacion", "type").getText()).contains("Seleccione el tipo de recuperación.");
        browser.waitForVisible(By.cssSelector("#recuperacion-captcha img.captcha-img"));
        browser.assertAccessible();

        type("recuperacion", "email", "viajera@example.com");
        byTestId("recovery-password").click();
        type("recuperacion", "captchaAnswer", "ABCD");
        byTestId("recuperacion-submit").click();
        browser.waitUntil(d -> field("recuperacion", "captchaAnswer").getText().contains("El código captcha no es correcto."));
        type("recuperacion", "captchaAnswer", "WXYZ");
        byTestId("recuperacion-submit").click();
        WebElement done = browser.waitForVisible(By.cssSelector("[data-testid='recuperacion-done']"));
        assertThat(done.getText()).contains("Si el correo electrónico corresponde a una cuenta");
        assertThat((String) requestsTo("POST", "/api/accounts/recovery").get(1).get("body"))
                .isEqualTo("{\"email\":\"viajera@example.com\",\"type\":\"PASSWORD\",\"captchaId\":\"c1\",\"captchaAnswer\":\"WXYZ\"}");
        browser.screenshot("acc-7-recovery-done");
    }

    @Test
    @DisplayName("R-ACC-7 the reset link's page checks the new password and its confirmation, shows the server's reason, then INGRESAR")
    void passwordReset() {
        show("/cuenta/restablecer");
        assertThat(byTestId("reset-no-token").getText()).contains("no es válido");
        stubApi("""
                {"POST /api/accounts/password-reset": [
                   {"status": 409, "body": {"title": "Enlace utilizado", "status": 409,
                     "detail": "Este enlace para restablecer la contraseña ya fue utilizado. Solicite uno nuevo en Recuperación."}},
                   {"status": 200, "body": {}}]}
                """);
        navigate("/cuenta/restablecer?token=tok-1");
        browser.waitForVisible(By.cssSelector("[data-testid='restablecer-form']"));
        type("restablecer", "password", "corta");
        type("restablecer", "passwordConfirmation", "otra");
        byTestId("restablecer-submit").click();
        assertThat(field("restablecer", "password").getText()).contains("no cumple con las reglas");
        assertThat(field("restablecer", "passwordConfirmation").getText()).contains("no coincide");

        type("restablecer", "password", "Viaje2026!");
        type("restablecer", "passwordConfirmation", "Viaje2026!");
        byTestId("restablecer-submit").click();
        WebElement alert = browser.waitForVisible(By.id("restablecer-aviso"));
        assertThat(alert.getText()).contains("ya fue utilizado");
        byTestId("restablecer-submit").click();
        WebElement done = browser.waitForVisible(By.cssSelector("[data-testid='restablecer-done']"));
        assertThat(done.getText()).contains("Su contraseña fue cambiada", "INGRESAR");
        assertThat((String) requestsTo("POST", "/api/accounts/password-reset").get(0).get("body"))
                .isEqualTo("{\"token\":\"tok-1\",\"password\":\"Viaje2026!\",\"passwordConfirmation\":\"Viaje2026!\"}");
    }

    @Test
    @DisplayName("R-ACC-7 a rate-limited request (429) says how long to wait from Retry-After, in Spanish and in English")
    void rateLimited() {
        String limited = """
                {"status": 429, "headers": {"Retry-After": "%s"}, "body": {"title": "Demasiadas solicitudes", "status": 429,
                  "code": "RATE_LIMITED", "detail": "Se hicieron demasiadas solicitudes seguidas."}}""";
        show("/");
        stubApi("""
                {"POST /api/accounts/password-reset": [%s, %s, %s]}
                """.formatted(limited.formatted("30"), limited.formatted("150"), limited.formatted("1")));
        navigate("/cuenta/restablecer?token=tok-1");
        browser.waitForVisible(By.cssSelector("[data-testid='restablecer-form']"));
        type("restablecer", "password", "Viaje2026!");
        type("restablecer", "passwordConfirmation", "Viaje2026!");
        byTestId("restablecer-submit").click();
        WebElement alert = browser.waitForVisible(By.id("restablecer-aviso"));
        assertThat(alert.getText()).isEqualTo("Demasiadas solicitudes. Espere 30 segundos e intente de nuevo.");
        browser.screenshot("acc-7-rate-limited");
        browser.assertAccessible();

        byTestId("restablecer-submit").click();
        browser.waitUntil(d -> browser.find(By.id("restablecer-aviso")).getText()
                .equals("Demasiadas solicitudes. Espere 3 minutos e intente de nuevo."));

        browser.find(By.cssSelector("[data-lang='en']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='restablecer-form']"));
        type("restablecer", "password", "Viaje2026!");
        type("restablecer", "passwordConfirmation", "Viaje2026!");
        byTestId("restablecer-submit").click();
        browser.waitUntil(d -> browser.find(By.id("restablecer-aviso")).getText()
                .equals("Too many requests. Wait 1 second and try again."));
        browser.find(By.cssSelector("[data-lang='es']")).click();
    }

    @Test
    @DisplayName("R-ACC-9 Contraseña: current, new, confirmation and captcha; a wrong current password is shown on its field; CAMBIAR CONTRASEÑA")
    void changePassword() {
        show("/");
        stubApi("""
                {"GET /api/captcha": [{"status": 200, "body": {"id": "c1", "image": "%s"}}],
                 "POST /api/accounts/me/password": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "currentPassword", "code": "current_password", "message": "La contraseña actual no es correcta."}]}},
                   {"status": 200, "body": {}}]}
                """.formatted(PNG));
        navigate("/cuenta/contrasena");
        browser.waitForVisible(By.cssSelector("[data-testid='contrasena-form']"));
        assertThat(byTestId("contrasena-submit").getText()).isEqualTo("CAMBIAR CONTRASEÑA");
        type("contrasena", "currentPassword", "Anterior2025!");
        type("contrasena", "newPassword", "Viaje2026!");
        type("contrasena", "newPasswordConfirmation", "Viaje2026!");
        browser.waitForVisible(By.cssSelector("#contrasena-captcha img.captcha-img"));
        type("contrasena", "captchaAnswer", "ABCD");
        byTestId("contrasena-submit").click();
        browser.waitUntil(d -> field("contrasena", "currentPassword").getText().contains("La contraseña actual no es correcta."));
        browser.assertAccessible();
        type("contrasena", "currentPassword", "Anterior2025#");
        type("contrasena", "captchaAnswer", "WXYZ");
        byTestId("contrasena-submit").click();
        browser.waitForVisible(By.cssSelector("[data-testid='contrasena-done']"));
        assertThat((String) requestsTo("POST", "/api/accounts/me/password").get(1).get("body")).contains(
                "\"currentPassword\":\"Anterior2025#\"", "\"newPassword\":\"Viaje2026!\"", "\"newPasswordConfirmation\":\"Viaje2026!\"",
                "\"captchaId\":\"c1\"", "\"captchaAnswer\":\"WXYZ\"");
    }

    @Test
    @DisplayName("R-ENT-5 R-ACC-4 Información: the data read-only, DESCARGAR MIS DATOS saves the export (account, documents, scans, pre-registrations, e-mails) as mis-datos.json; CANCELAR CUENTA asks first, says why it failed, then closes the account and leaves the sign-out")
    void accessAndCancellation() {
        show("/");
        stubApi("""
                {"GET /api/accounts/me": [{"status": 200, "body": {"email": "viajera@example.com", "givenNames": "Ana María",
                   "firstSurname": "Gómez", "secondSurname": "", "nationality": "COL", "birthDate": "1990-04-12"}}],
                 "GET /api/accounts/me/export": [{"status": 200, "body": {"email": "viajera@example.com",
                   "heldElsewhere": {"documents": "/api/documents"}}}],
                 "GET /api/documents": [{"status": 200, "body": [{"id": "d1", "documentNumber": "AB1234567"}]}],
                 "GET /api/documents/scans": [{"status": 200, "body": [{"scanId": "s1",
                   "mrz": {"line1": "P<COLGOMEZ<<ANA<MARIA"}, "image": "/api/documents/scans/s1/image"}]}],
                 "GET /api/preregistrations": [{"status": 200, "body": [{"id": "p1", "status": "APPROVED"}]}],
                 "GET /api/preregistrations/p1": [{"status": 200, "body": {"id": "p1",
                   "travel": {"flightNumber": "AV254"}}}],
                 "GET /api/notifications": [{"status": 200, "body": [{"kind": "QR_RECEIPT",
                   "to": "viajera@example.com", "status": "SENT", "preregistrationId": "p1"}]}],
                 "DELETE /api/accounts/me": [
                   {"status": 503, "body": {"title": "Servicio no disponible", "status": 503,
                     "detail": "El servicio no está disponible en este momento. Intente más tarde."}},
                   {"status": 202, "body": {"status": "ACCOUNT_CLOSED"}}]}
                """);
        navigate("/cuenta/informacion");
        browser.waitForVisible(By.cssSelector("[data-testid='export-data']"));
        assertThat(browser.find(By.id("informacion-cuenta")).getText()).contains("viajera@example.com", "Ana María Gómez",
                "Colombia (COL)", "1990-04-12", "Sus datos personales");
        browser.assertAccessible();
        browser.screenshot("ent-5-account-data");

        browser.script("""
                window.__files = [];
                const create = URL.createObjectURL;
                URL.createObjectURL = (blob) => { window.__files.push(blob); return create(blob); };""");
        byTestId("export-data").click();
        browser.waitUntil(d -> browser.find(By.id("datos-aviso")).getText().contains("mis-datos.json"));
        WebElement file = browser.find(By.cssSelector("[data-testid='export-file']"));
        assertThat(file.getAttribute("download")).isEqualTo("mis-datos.json");
        assertThat(file.getAttribute("href")).startsWith("blob:");
        String saved = browser.script("return window.__files[0].text();");
        assertThat(saved).as("the account, the documents, the scans, the pre-registrations and the mails in one file")
                .contains("\"email\": \"viajera@example.com\"", "\"documentNumber\": \"AB1234567\"",
                        "\"line1\": \"P<COLGOMEZ<<ANA<MARIA\"", "\"image\": \"/api/documents/scans/s1/image\"",
                        "\"status\": \"APPROVED\"", "\"flightNumber\": \"AV254\"", "\"kind\": \"QR_RECEIPT\"")
                .doesNotContain("heldElsewhere");

        byTestId("close-account").click();
        WebElement question = browser.waitForVisible(By.cssSelector("[data-testid='dialog']"));
        assertThat(question.getText()).contains("¿Desea cancelar su cuenta?", "no se puede deshacer", "REGRESAR");
        byTestId("dialog-cancel").click();
        assertThat(requestCount("DELETE", "/api/accounts/me")).as("went back: nothing sent").isZero();

        byTestId("close-account").click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog-ok']")).click();
        browser.waitUntil(d -> browser.find(By.id("datos-aviso")).getText()
                .contains("El servicio no está disponible en este momento."));
        byTestId("close-account").click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog-ok']")).click();
        WebElement closed = browser.waitForVisible(By.cssSelector("[data-testid='account-closed']"));
        assertThat(closed.getText()).contains("Su cuenta fue cancelada", "cierre su sesión");
        assertThat(requestCount("DELETE", "/api/accounts/me")).isEqualTo(2);
        WebElement signOut = byTestId("closed-sign-out");
        assertThat(signOut.findElement(By.xpath("ancestor::form")).getAttribute("action")).endsWith("/logout");
        browser.assertAccessible();
        browser.screenshot("ent-5-account-closed");
    }
}

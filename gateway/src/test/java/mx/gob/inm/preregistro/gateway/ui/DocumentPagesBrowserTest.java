package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The document screens of the SPA in Chromium (R-DOC-1..10, R-PRE-1, R-PRE-7): main screen, REGISTRAR
 * DOCUMENTOS (client-side refusals, crop box, scan), VALIDAR DOCUMENTO and INICIAR SERVICIOS, with the
 * API answered by canned problem+json and JSON (no backend); what is sent is checked too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class DocumentPagesBrowserTest extends UiBrowserTest {

    private static final String PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    private static final String EXPIRY = LocalDate.now().plusYears(5).toString();

    @TempDir
    static Path files;

    @BeforeEach
    void returningVisitor() {
        browser.resetViewport();
        browser.open(url("/")).clearStorage();
        browser.script("localStorage.setItem('preregistro.welcomeSeen', 'true');");
        browser.open("about:blank");
    }

    private static Path image(String name, int width, int height, boolean noise) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 230, 215));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 10, height * 3 / 4, width * 8 / 10, height / 10);
        g.dispose();
        if (noise) {
            Random random = new Random(7);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0xFFFFFF));
                }
            }
        }
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private String scanAnswer() {
        return """
                {"scanId": "scan-1", "mrz": {"line1": "P<COLPEREZ<<MARIA<JOSE", "line2": "AB1234567"},
                 "fields": {"documentType": "P", "issuingState": "COL", "surname": "PEREZ", "givenNames": "MARIA JOSE",
                   "documentNumber": "AB1234567", "nationality": "COL", "sex": "F", "expiryDate": "%s"},
                 "checks": {"documentNumber": true, "birthDate": false}, "unreadable": ["birthDate"]}
                """.formatted(EXPIRY);
    }

    private String documentsAnswer() {
        return """
                [{"id": "d1", "documentType": "P", "issuingState": "COL", "documentNumber": "AB1234567", "surname": "PEREZ",
                  "givenNames": "MARIA JOSE", "nationality": "COL", "birthDate": "1990-05-17", "sex": "F",
                  "expiryDate": "%s", "classification": "ORDINARY", "status": "VALID"},
                 {"id": "d2", "documentType": "P", "issuingState": "COL", "documentNumber": "ZX0000001", "surname": "PEREZ",
                  "givenNames": "MARIA JOSE", "nationality": "COL", "birthDate": "1990-05-17", "sex": "F",
                  "expiryDate": "2020-01-01", "classification": "ORDINARY", "status": "EXPIRED"}]
                """.formatted(EXPIRY);
    }

    private WebElement box() {
        return browser.find(By.cssSelector("[data-testid='crop-box']"));
    }

    private int crop(String coordinate) {
        return Integer.parseInt(box().getAttribute("data-crop-" + coordinate));
    }

    private void chooseImage(Path file) {
        browser.find(By.cssSelector("[data-testid='capture-document']")).click();
        browser.find(By.cssSelector("[data-testid='image-file']")).sendKeys(file.toString());
    }

    /** Types a date into the validation form's field, as a date picker does. */
    private void setDate(String name, String isoDate) {
        browser.script("const i = document.getElementById('documento-" + name + "'); i.value = '" + isoDate + "';"
                + "i.dispatchEvent(new Event('change', {bubbles: true}));");
    }

    private WebElement field(String name) {
        return browser.find(By.cssSelector("#validar-form [data-field='" + name + "']"));
    }

    @Test
    @DisplayName("R-DOC-1 R-DOC-9 R-DOC-10 the main screen lists documents as Vigente / Vencido with INICIAR SERVICIOS for valid ones; a refused delete (409) shows the Spanish reason")
    void mainScreen() {
        show("/");
        stubApi("""
                {"GET /api/documents": [{"status": 200, "body": %s}],
                 "DELETE /api/documents/d1": [{"status": 409, "body": {"title": "No se puede eliminar", "status": 409,
                   "detail": "El documento tiene un registro de servicio asociado."}}]}
                """.formatted(documentsAnswer()));
        navigate("/principal");
        browser.waitForVisible(By.cssSelector("[data-testid='documents-table']"));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Pantalla principal");
        assertThat(browser.find(By.cssSelector("[data-testid='go-home']")).getText()).isEqualTo("Ir al inicio");
        assertThat(browser.find(By.cssSelector("[data-testid='register-documents']")).getText()).contains("REGISTRAR DOCUMENTOS");
        assertThat(browser.find(By.id("documentos-titulo")).getText()).isEqualTo("Documentos registrados");
        List<WebElement> rows = browser.findAll(By.cssSelector("[data-testid='document-row']"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("AB1234567", "MARIA JOSE PEREZ", "Colombia", "Vigente", "INICIAR SERVICIOS");
        assertThat(rows.get(1).getText()).contains("ZX0000001", "Vencido");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-testid='start-services']")).getAttribute("href"))
                .endsWith("#/documentos/servicios/d1");
        assertThat(rows.get(1).findElements(By.cssSelector("[data-testid='start-services']"))).isEmpty();
        browser.screenshotFullPage("doc-1-main-screen");
        browser.assertAccessible();

        rows.get(0).findElement(By.cssSelector("[data-testid='delete-document']")).click();
        WebElement dialog = browser.waitForVisible(By.cssSelector("[data-testid='dialog']"));
        assertThat(dialog.getText()).contains("¿Desea eliminar el documento AB1234567? Los Pre-Registros sin enviar "
                + "con este documento también se eliminarán.", "CANCELAR");
        browser.find(By.cssSelector("[data-testid='dialog-ok']")).click();
        WebElement alert = browser.waitForVisible(By.id("documentos-aviso"));
        assertThat(alert.getText()).isEqualTo("El documento tiene un registro de servicio asociado.");
        assertThat(alert.getAttribute("role")).isEqualTo("alert");
        assertThat(requestCount("DELETE", "/api/documents/d1")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DOC-9 a deletion (202) is followed: Eliminándose without actions, then the document gone and said so; one that a submission overtook comes back and the reason is shown")
    void deletionFollowed() {
        String valid = """
                {"id": "%s", "documentType": "P", "issuingState": "COL", "documentNumber": "%s", "surname": "PEREZ",
                 "givenNames": "MARIA JOSE", "nationality": "COL", "birthDate": "1990-05-17", "sex": "F",
                 "expiryDate": "%s", "classification": "ORDINARY", "status": "VALID", "deleting": %s}""";
        String d1 = valid.formatted("d1", "AB1234567", EXPIRY, false);
        String d1Deleting = valid.formatted("d1", "AB1234567", EXPIRY, true);
        String d3 = valid.formatted("d3", "CD7654321", EXPIRY, false);
        String d3Deleting = valid.formatted("d3", "CD7654321", EXPIRY, true);
        String pending = """
                {"status": 200, "body": [%s, %s]}""".formatted(d1, d3Deleting);   // three checks: three seconds
        show("/");
        stubApi("""
                {"GET /api/documents": [{"status": 200, "body": [%s, %s]}, %s, %s, %s,
                   {"status": 200, "body": [%s]}, {"status": 200, "body": [%s]}, {"status": 200, "body": [%s]}],
                 "DELETE /api/documents/d3": [{"status": 202, "body": %s}],
                 "DELETE /api/documents/d1": [{"status": 202, "body": %s}]}
                """.formatted(d1, d3, pending, pending, pending, d1, d1Deleting, d1, d3Deleting, d1Deleting));
        navigate("/principal");
        browser.waitForVisible(By.cssSelector("[data-testid='documents-table']"));

        deleteRow(1);
        WebElement notice = browser.waitForVisible(By.id("documentos-exito"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("[data-testid='document-row']")).size() == 2
                && rowText(1).contains("Eliminándose"));
        assertThat(notice.getText()).isEqualTo("Se está eliminando el documento…");
        assertThat(browser.findAll(By.cssSelector("[data-testid='document-row']")).get(1)
                .findElements(By.cssSelector("a, button"))).as("no actions while it is deleted").isEmpty();
        browser.screenshot("doc-9-deleting");
        browser.assertAccessible();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("[data-testid='document-row']")).size() == 1);
        browser.waitUntil(d -> "El documento fue eliminado.".equals(notice.getText()));

        deleteRow(0);
        WebElement alert = browser.waitForVisible(By.id("documentos-aviso"));
        assertThat(alert.getText()).isEqualTo(
                "No es posible eliminar el documento porque tiene un registro de servicio asociado.");
        assertThat(notice.isDisplayed()).isFalse();
        assertThat(rowText(0)).contains("Vigente", "INICIAR SERVICIOS");
    }

    private void deleteRow(int index) {
        browser.findAll(By.cssSelector("[data-testid='document-row']")).get(index)
                .findElement(By.cssSelector("[data-testid='delete-document']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog']"));
        browser.find(By.cssSelector("[data-testid='dialog-ok']")).click();
    }

    private String rowText(int index) {
        List<WebElement> rows = browser.findAll(By.cssSelector("[data-testid='document-row']"));
        return rows.size() > index ? rows.get(index).getText() : "";
    }

    @Test
    @DisplayName("R-DOC-2 R-DOC-3 CARGAR IMAGEN refuses a PDF renamed .png and an image over 2 MB in Spanish, before sending anything")
    void refusedFiles() throws IOException {
        Path pdf = files.resolve("pasaporte.png");
        Files.writeString(pdf, "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
        Path large = image("grande.png", 1100, 1100, true);
        assertThat(Files.size(large)).isGreaterThan(2L * 1024 * 1024);

        show("/");
        stubApi("{}");
        navigate("/documentos/registrar");
        browser.waitUntil(d -> "Registrar Documentos".equals(browser.find(PAGE_TITLE).getText()));
        chooseImage(pdf);
        WebElement error = browser.waitForVisible(By.cssSelector("[data-testid='capture-error']"));
        assertThat(error.getText()).isEqualTo("El archivo seleccionado no es una imagen PNG, JPG o JPEG. Seleccione otro archivo.");
        assertThat(error.getAttribute("role")).isEqualTo("alert");

        browser.find(By.cssSelector("[data-testid='image-file']")).sendKeys(large.toString());
        browser.waitUntil(d -> error.getText().contains("2MB"));
        assertThat(error.getText()).isEqualTo("La imagen excede el tamaño máximo de 2MB. Seleccione una imagen más pequeña.");
        assertThat(browser.find(By.id("recorte")).isDisplayed()).isFalse();
        assertThat(requestCount("POST", "/api/documents/scans")).isZero();
        browser.screenshot("doc-3-refused-file");
    }

    @Test
    @DisplayName("R-DOC-2 without a camera CAPTURAR FOTO says so and moves to CARGAR IMAGEN")
    void noCamera() {
        show("/");
        stubApi("{}");
        browser.script("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('none', 'NotFoundError'));");
        navigate("/documentos/registrar");
        browser.waitUntil(d -> "Registrar Documentos".equals(browser.find(PAGE_TITLE).getText()));
        browser.find(By.cssSelector("[data-testid='capture-document']")).click();
        browser.find(By.cssSelector("[data-testid='take-photo-mode']")).click();
        WebElement error = browser.waitForVisible(By.cssSelector("[data-testid='capture-error']"));
        assertThat(error.getText()).contains("No se encontró una cámara", "CARGAR IMAGEN");
        browser.waitUntil(d -> "btn-cargar-imagen".equals(browser.activeElement().getAttribute("id")));
    }

    @Test
    @DisplayName("R-DOC-2 the blue crop box moves and resizes with the keyboard and the mouse, GUARDAR FOTO sends its rectangle in image pixels, and a photo past the hour's shows the wait and why")
    void cropBox() throws IOException {
        Path passport = image("pasaporte.png", 800, 600, false);
        show("/");
        stubApi("""
                {"POST /api/documents/scans": [
                   {"status": 429, "headers": {"Retry-After": "3000"}, "body": {"title": "Demasiadas fotografías",
                     "status": 429, "code": "scan_limit", "detail": "Ya envió el máximo de fotografías permitido en una hora."}},
                   {"status": 201, "body": %s}]}
                """.formatted(scanAnswer()));
        navigate("/documentos/registrar");
        browser.waitUntil(d -> "Registrar Documentos".equals(browser.find(PAGE_TITLE).getText()));
        chooseImage(passport);
        browser.waitForVisible(By.cssSelector("[data-testid='crop-box']"));
        assertThat(browser.find(By.id("recorte-titulo")).getText()).isEqualTo("Ajustar el recuadro azul");
        assertThat(List.of(crop("x"), crop("y"), crop("width"), crop("height"))).containsExactly(40, 30, 720, 540);
        assertThat(box().getCssValue("border-top-color")).isEqualTo("rgba(21, 101, 192, 1)");

        box().click();
        browser.press(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(crop("x")).isEqualTo(24);
        new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_UP).keyUp(Keys.SHIFT).perform();
        assertThat(crop("height")).isEqualTo(532);
        assertThat(browser.find(By.id("recuadro-estado")).getAttribute("textContent")).contains("x 24", "532");
        browser.press(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(crop("x")).as("kept inside the image").isZero();

        double scale = 800.0 / browser.find(By.cssSelector(".crop-stage")).getRect().getWidth();
        browser.script("arguments[0].scrollIntoView({block: 'center'});", box());
        new Actions(browser.driver()).dragAndDropBy(box(), 30, 20).perform();
        assertThat(crop("x")).isCloseTo((int) Math.round(30 * scale), Offset.offset(2));
        int widthBefore = crop("width");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.find(By.cssSelector(".crop-handle")));
        new Actions(browser.driver()).dragAndDropBy(browser.find(By.cssSelector(".crop-handle")), -50, 0).perform();
        assertThat(crop("width")).isLessThan(widthBefore);
        browser.screenshot("doc-2-crop-box");

        int x = crop("x");
        int y = crop("y");
        int width = crop("width");
        int height = crop("height");
        // past the photos of the hour: the wait, and why; the same photo goes once there is room
        browser.find(By.cssSelector("[data-testid='save-photo']")).click();
        browser.waitUntil(d -> browser.find(By.cssSelector("[data-testid='capture-error']")).getText().equals(
                "Demasiadas solicitudes. Espere 50 minutos e intente de nuevo. "
                        + "Ya envió el máximo de fotografías permitido en una hora."));
        browser.find(By.cssSelector("[data-testid='save-photo']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='validate-form']"));
        Map<String, Object> sent = requestsTo("POST", "/api/documents/scans").get(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> parts = (Map<String, Object>) sent.get("body");
        assertThat(parts).containsEntry("cropX", String.valueOf(x)).containsEntry("cropY", String.valueOf(y))
                .containsEntry("cropWidth", String.valueOf(width)).containsEntry("cropHeight", String.valueOf(height));
        assertThat(parts.get("image").toString()).contains("pasaporte.png", "image/png");
        assertThat(browser.find(By.cssSelector("[data-testid='saved-scan']")).getText())
                .contains("Continúe con VALIDAR DOCUMENTO", "Se leyeron 8 de 9 datos");
    }

    @Test
    @DisplayName("R-DOC-4 R-DOC-5 R-DOC-6 R-DOC-7 R-DOC-8 VALIDAR DOCUMENTO pre-fills what the OCR read, flags the unreadable, shows the warnings, the server's field errors, the confirmations, then the services")
    void validateAndRegister() throws IOException {
        Path passport = image("pasaporte2.png", 640, 480, false);
        show("/");
        stubApi("""
                {"GET /api/captcha": [{"status": 200, "body": {"id": "c1", "image": "%s"}}],
                 "POST /api/documents/scans": [{"status": 201, "body": %s}],
                 "POST /api/documents": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "expiryDate", "code": "expiry_too_soon", "message": "El Pasaporte debe tener una vigencia mínima de 6 meses."},
                     {"field": "captchaAnswer", "code": "captcha_invalid", "message": "El código captcha no es correcto."}]}},
                   {"status": 201, "body": {"id": "doc-9", "status": "VALID"}}],
                 "GET /api/documents/doc-9": [{"status": 200, "body": {"id": "doc-9", "documentNumber": "AB1234567",
                   "surname": "PEREZ", "givenNames": "MARIA JOSE", "nationality": "COL", "issuingState": "COL",
                   "birthDate": "1990-05-17", "expiryDate": "%s", "classification": "ORDINARY", "status": "VALID"}}],
                 "GET /api/documents/doc-9/services": [{"status": 200, "body": [{"code": "PRE_REGISTRO"}]}]}
                """.formatted(PNG, scanAnswer(), EXPIRY));
        navigate("/documentos/registrar");
        browser.waitUntil(d -> "Registrar Documentos".equals(browser.find(PAGE_TITLE).getText()));
        chooseImage(passport);
        browser.waitForVisible(By.cssSelector("[data-testid='save-photo']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='validate-form']"));

        assertThat(browser.find(By.id("documento-surname")).getAttribute("value")).isEqualTo("PEREZ");
        assertThat(browser.find(By.id("documento-documentNumber")).getAttribute("value")).isEqualTo("AB1234567");
        assertThat(browser.find(By.id("documento-nationality")).getAttribute("value")).isEqualTo("COL");
        assertThat(browser.find(By.id("documento-expiryDate")).getAttribute("value")).isEqualTo(EXPIRY);
        assertThat(browser.find(By.id("documento-birthDate")).getAttribute("value")).as("unreadable: left empty").isEmpty();
        assertThat(field("birthDate").getAttribute("class")).contains("is-unreadable", "is-invalid");
        assertThat(field("birthDate").getText()).contains("No se pudo leer este dato del documento");
        assertThat(browser.find(By.cssSelector("[data-testid='validate-warnings']")).getText()).contains(
                "REVISAR QUE LA FECHA DE NACIMIENTO SEA CORRECTA", "MISMA NACIONALIDAD QUE SE MUESTRA EN EL DOCUMENTO",
                "DIPLOMÁTICO DEBE INDICARLO", "UNA VEZ GUARDADOS LOS DATOS NO SE PODRÁN MODIFICAR");
        assertThat(field("classification").getText()).contains("ORDINARIO", "DIPLOMÁTICO");
        assertThat(browser.find(By.cssSelector("[data-testid='register-document']")).getText()).isEqualTo("REGISTRAR");
        assertThat(browser.find(By.cssSelector("[data-testid='cancel-document']")).getText()).isEqualTo("CANCELAR");
        browser.waitForVisible(By.cssSelector("#documento-captcha img.captcha-img"));
        browser.screenshotFullPage("doc-4-validate");
        browser.assertAccessible();

        // REGISTRAR with the classification missing: refused on the client.
        browser.find(By.cssSelector("[data-testid='register-document']")).click();
        assertThat(field("classification").getAttribute("class")).contains("is-invalid");
        assertThat(browser.findAll(By.cssSelector("[data-testid='dialog']"))).isEmpty();

        // dates no passport has: a birth over 130 years ago, an expiry over 10 years ahead (as the server checks)
        setDate("birthDate", "1890-01-01");
        setDate("expiryDate", LocalDate.now().plusYears(10).plusDays(2).toString());
        browser.find(By.cssSelector("[data-testid='register-document']")).click();
        assertThat(field("birthDate").getText()).contains(
                "Verifique la fecha de nacimiento: no puede ser de hace más de 130 años.");
        assertThat(field("expiryDate").getText()).contains(
                "Verifique la fecha de expiración: un pasaporte tiene una vigencia máxima de 10 años.");
        assertThat(browser.findAll(By.cssSelector("[data-testid='dialog']"))).isEmpty();

        setDate("expiryDate", EXPIRY);
        setDate("birthDate", "1990-05-17");
        browser.find(By.cssSelector("[data-testid='classification-ordinary']")).click();
        browser.find(By.id("documento-captcha-answer")).sendKeys("ABCD");
        browser.find(By.cssSelector("[data-testid='register-document']")).click();
        WebElement confirm = browser.waitForVisible(By.cssSelector("[data-testid='dialog']"));
        assertThat(confirm.getText()).contains("Verifique la correcta captura de la información");
        browser.find(By.cssSelector("[data-testid='dialog-ok']")).click();

        browser.waitUntil(d -> field("expiryDate").getAttribute("class").contains("is-invalid"));
        assertThat(field("expiryDate").getText()).contains("El Pasaporte debe tener una vigencia mínima de 6 meses.");
        assertThat(browser.find(By.cssSelector("#validar-form [data-field='captchaAnswer']")).getText())
                .contains("El código captcha no es correcto.");
        @SuppressWarnings("unchecked")
        String body = (String) requestsTo("POST", "/api/documents").get(0).get("body");
        assertThat(body).contains("\"scanId\":\"scan-1\"", "\"documentNumber\":\"AB1234567\"", "\"birthDate\":\"1990-05-17\"",
                "\"classification\":\"ORDINARY\"", "\"captchaId\":\"c1\"", "\"captchaAnswer\":\"ABCD\"", "\"sex\":\"F\"");

        browser.find(By.id("documento-captcha-answer")).sendKeys("WXYZ");
        browser.find(By.cssSelector("[data-testid='register-document']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='dialog-ok']")).click();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("[data-testid='dialog']")).stream()
                .anyMatch(e -> e.getText().contains("El documento se registró correctamente.")));
        browser.find(By.cssSelector("[data-testid='dialog-ok']")).click();
        browser.waitUntil(d -> browser.findAll(By.cssSelector("[data-testid='dialog']")).stream()
                .anyMatch(e -> e.getText().contains("¿Desea continuar con los servicios para este documento?")));
        assertThat(browser.find(By.cssSelector("[data-testid='dialog-cancel']")).getText()).isEqualTo("CANCELAR");
        browser.find(By.cssSelector("[data-testid='dialog-ok']")).click();

        browser.waitUntil(d -> "Servicios disponibles".equals(browser.find(PAGE_TITLE).getText()));
        assertThat((String) browser.script("return location.hash;")).isEqualTo("#/documentos/servicios/doc-9");
        browser.waitForVisible(By.cssSelector("[data-testid='service-pre-registro']"));
    }

    @Test
    @DisplayName("R-DOC-2 CAPTURAR FOTO shows the camera with the green guide frame, captures a JPEG, then the blue box and GUARDAR FOTO")
    void camera() {
        show("/");
        stubApi("""
                {"POST /api/documents/scans": [{"status": 201, "body": %s}]}
                """.formatted(scanAnswer()));
        // A real MediaStream stands in for the camera: a canvas painted like a passport page.
        browser.script("""
                navigator.mediaDevices.getUserMedia = async () => {
                  const canvas = document.createElement('canvas');
                  canvas.width = 640; canvas.height = 480;
                  const g = canvas.getContext('2d');
                  const paint = () => { g.fillStyle = '#ebe6d7'; g.fillRect(0, 0, 640, 480); g.fillStyle = '#333'; g.fillRect(60, 360, 520, 50); };
                  paint(); setInterval(paint, 50);
                  return canvas.captureStream(20);
                };""");
        navigate("/documentos/registrar");
        browser.waitUntil(d -> "Registrar Documentos".equals(browser.find(PAGE_TITLE).getText()));
        browser.find(By.cssSelector("[data-testid='capture-document']")).click();
        browser.find(By.cssSelector("[data-testid='take-photo-mode']")).click();
        browser.waitForVisible(By.id("camara-video"));
        browser.waitUntil(d -> browser.<Number>script("return document.getElementById('camara-video').videoWidth;").intValue() == 640);
        assertThat(browser.find(By.cssSelector(".camera-guide")).getCssValue("border-top-color")).isEqualTo("rgba(31, 174, 58, 1)");
        assertThat(browser.find(By.id("camara")).getText()).contains("Ajuste el recuadro verde al pasaporte");
        browser.screenshot("doc-2-camera");

        browser.find(By.cssSelector("[data-testid='take-photo']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='crop-box']"));
        assertThat(crop("width")).isEqualTo(576);
        browser.find(By.cssSelector("[data-testid='save-photo']")).click();
        browser.waitForVisible(By.cssSelector("[data-testid='validate-form']"));
        @SuppressWarnings("unchecked")
        Map<String, Object> parts = (Map<String, Object>) requestsTo("POST", "/api/documents/scans").get(0).get("body");
        assertThat(parts.get("image").toString()).contains("image/jpeg");
        assertThat(parts).containsEntry("cropWidth", "576").containsEntry("cropHeight", "432");
    }

    @Test
    @DisplayName("R-DOC-1 R-PRE-11 the main screen and the history fit a 360 px phone without horizontal scrolling and pass axe-core")
    void smallScreen() {
        browser.setViewport(360, 740);
        show("/");
        stubApi("""
                {"GET /api/documents": [{"status": 200, "body": %s}],
                 "GET /api/preregistrations": [{"status": 200, "body": [
                   {"id": "a1", "entryDate": "2030-01-10", "flightNumber": "AV10", "status": "APPROVED", "deliveryFailed": true}]}]}
                """.formatted(documentsAnswer()));
        for (String route : List.of("/principal", "/historial")) {
            navigate(route);
            browser.waitForVisible(By.cssSelector(route.equals("/principal") ? "[data-testid='documents-table']" : "[data-testid='history-table']"));
            assertThat(browser.<Number>script("return document.scrollingElement.scrollWidth;").longValue()).as(route).isLessThanOrEqualTo(360);
            browser.assertAccessible();
            browser.screenshotFullPage("small" + route.replace('/', '-'));
        }
    }

    @Test
    @DisplayName("R-PRE-1 R-PRE-7 INICIAR SERVICIOS shows the document's data and Pre-registro only when offered, with the connection / dual-nationality text")
    void services() {
        show("/");
        stubApi("""
                {"GET /api/documents/d1": [{"status": 200, "body": {"id": "d1", "documentNumber": "AB1234567", "surname": "PEREZ",
                   "givenNames": "MARIA JOSE", "nationality": "COL", "issuingState": "COL", "birthDate": "1990-05-17",
                   "expiryDate": "%1$s", "classification": "ORDINARY", "status": "VALID"}}],
                 "GET /api/documents/d1/services": [{"status": 200, "body": [{"code": "PRE_REGISTRO"}]}],
                 "GET /api/documents/d3": [{"status": 200, "body": {"id": "d3", "documentNumber": "X1", "surname": "SMITH",
                   "givenNames": "ANN", "nationality": "USA", "issuingState": "USA", "birthDate": "1980-01-01",
                   "expiryDate": "%1$s", "classification": "ORDINARY", "status": "VALID"}}],
                 "GET /api/documents/d3/services": [{"status": 200, "body": []}]}
                """.formatted(EXPIRY));
        navigate("/documentos/servicios/d1");
        WebElement service = browser.waitForVisible(By.cssSelector("[data-testid='service-pre-registro']"));
        assertThat(service.getText()).contains("Pre-registro");
        assertThat(service.getAttribute("href")).endsWith("#/preregistro/nuevo/d1");
        assertThat(browser.find(By.cssSelector("[data-testid='document-data']")).getText())
                .contains("AB1234567", "MARIA JOSE PEREZ", "Colombia (COL)", "1990-05-17", "ORDINARIO", "Vigente");
        assertThat(browser.find(By.cssSelector("[data-testid='precheck-text']")).getText())
                .contains("vuelo es de conexión", "doble nacionalidad colombiana y mexicana", "24 horas");
        browser.screenshotFullPage("pre-1-services");
        browser.assertAccessible();

        navigate("/documentos/servicios/d3");
        WebElement none = browser.waitForVisible(By.cssSelector("[data-testid='no-services']"));
        assertThat(none.getText()).contains("solo para la nacionalidad Colombiana");
        assertThat(browser.findAll(By.cssSelector("[data-testid='service-pre-registro']"))).isEmpty();
    }
}
